import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/policy.decorator';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { CaseStoryResponse } from './case-story-responses.dto';
import { CaseStoryService } from './case-story.service';

/** A case's (or an account's) story on one page, for those who read the audit trail. */
@ApiTags('case-stories')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('case-stories')
export class CaseStoryController {
  constructor(private readonly stories: CaseStoryService) {}

  @Get(':ref')
  @RequirePermission('read', 'AuditEvent')
  @ApiOperation({ summary: 'Every audit entry, mail, check, document and decision of an account or case, in time order' })
  @ApiParam({ name: 'ref', description: 'Customer ID (ab12345-ovh), case UUID or the 8-character case reference' })
  @ApiOkResponse({ type: CaseStoryResponse })
  @ApiErrors(400, 404, 409)
  story(@Param('ref') ref: string): Promise<CaseStoryResponse> {
    return this.stories.story(ref);
  }
}
