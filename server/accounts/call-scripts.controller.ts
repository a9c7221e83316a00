import { Controller, Get } from '@nestjs/common';
import { RequirePermission } from '../auth/policy.decorator';
import { CallScriptsService } from './call-scripts.service';

/** The sentences agents read at each step of a call, with the sender address callers look for in spam folders. */
@Controller('call-scripts')
export class CallScriptsController {
  constructor(private readonly scripts: CallScriptsService) {}

  @Get()
  @RequirePermission('read', 'CallScript')
  list() {
    return this.scripts.list();
  }
}
