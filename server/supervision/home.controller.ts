import { Controller, Get } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { HomeService } from './home.service';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiStaffErrors } from '../core/http/api-errors';
import { AdminHomeResponse, AgentHomeResponse, ReviewerHomeResponse, SupervisorHomeResponse } from './supervision-responses.dto';

/**
 * The blocks of the console's home page, one route per role, each under the permission of the data it shows: a
 * person with several roles gets every block they may see. It lives with the supervision layer because it reads
 * across all the others.
 */
@ApiTags('home')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get('agent')
  @RequirePermission('create', 'CallerVerification')
  @ApiOperation({ summary: "The agent's home blocks" })
  @ApiOkResponse({ type: AgentHomeResponse })
  agent(@CurrentActor() actor: Actor) {
    return this.home.agent(actor.id);
  }

  @Get('reviewer')
  @RequirePermission('review', 'Case')
  @ApiOperation({ summary: "The reviewer's home blocks" })
  @ApiOkResponse({ type: ReviewerHomeResponse })
  reviewer(@CurrentActor() actor: Actor) {
    return this.home.reviewer(actor.id);
  }

  @Get('supervisor')
  @RequirePermission('approve', 'RecoveryCase')
  @ApiOperation({ summary: "The supervisor's home blocks" })
  @ApiOkResponse({ type: SupervisorHomeResponse })
  supervisor() {
    return this.home.supervisor();
  }

  @Get('admin')
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: "The admin's home blocks" })
  @ApiOkResponse({ type: AdminHomeResponse })
  admin() {
    return this.home.admin();
  }
}
