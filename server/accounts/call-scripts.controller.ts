import { Controller, Get } from '@nestjs/common';
import { RequirePermission } from '../auth/policy.decorator';
import { CallScriptsService } from './call-scripts.service';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiStaffErrors } from '../core/http/api-errors';
import { CallScriptsResponse } from './accounts-responses.dto';

/** The sentences agents read at each step of a call, with the sender address callers look for in spam folders. */
@ApiTags('call-scripts')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('call-scripts')
export class CallScriptsController {
  constructor(private readonly scripts: CallScriptsService) {}

  @Get()
  @RequirePermission('read', 'CallScript')
  @ApiOperation({ summary: 'What agents read at each step of a call, and the sender address' })
  @ApiOkResponse({ type: CallScriptsResponse })
  list() {
    return this.scripts.list();
  }
}
