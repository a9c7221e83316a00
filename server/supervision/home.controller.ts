import { Controller, Get } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { HomeService } from './home.service';

/**
 * The blocks of the console's home page, one route per role, each under the permission of the data it shows: a
 * person with several roles gets every block they may see. It lives with the supervision layer because it reads
 * across all the others.
 */
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get('agent')
  @RequirePermission('create', 'CallerVerification')
  agent(@CurrentActor() actor: Actor) {
    return this.home.agent(actor.id);
  }

  @Get('reviewer')
  @RequirePermission('review', 'Case')
  reviewer(@CurrentActor() actor: Actor) {
    return this.home.reviewer(actor.id);
  }

  @Get('supervisor')
  @RequirePermission('approve', 'RecoveryCase')
  supervisor() {
    return this.home.supervisor();
  }

  @Get('admin')
  @RequirePermission('update', 'StaffUser')
  admin() {
    return this.home.admin();
  }
}
