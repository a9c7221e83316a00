import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { AccountLockService } from './account-lock.service';
import { AccountSearchQuery, EventsQuery, LockDto, ReminderDto, UnlockDto, StartVerificationDto, toDetail, toEvent, toSummary, toUnmasked, UnmaskDto } from './accounts.dto';
import { AccountsService } from './accounts.service';
import { VerificationService } from './verification.service';

@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly verifications: VerificationService,
    private readonly locks: AccountLockService,
  ) {}

  @Get()
  @RequirePermission('read', 'Account')
  async search(@CurrentActor() actor: Actor, @Query() q: AccountSearchQuery) {
    const found = await this.accounts.search(actor, q.q, q.callRef, q.similar);
    return { data: found.map((h) => ({ ...toSummary(h.account), match: h.match })), nextCursor: null };
  }

  @Get(':id')
  @RequirePermission('read', 'Account')
  async detail(@Param('id') id: string) {
    const { account, methods } = await this.accounts.detail(id);
    return toDetail(account, methods);
  }

  @Get(':id/events')
  @RequirePermission('read', 'Account')
  async events(@Param('id') id: string, @Query() q: EventsQuery) {
    const page = await this.accounts.events(id, q.limit ?? 25, q.cursor);
    return { data: page.data.map(toEvent), nextCursor: page.nextCursor };
  }

  @Post(':id/verifications')
  @RequirePermission('create', 'CallerVerification')
  async startVerification(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: StartVerificationDto) {
    const v = await this.verifications.start(actor, id, dto.callReference);
    return this.verifications.state(actor, v.id);
  }

  @Post(':id/unmask')
  @HttpCode(200)
  @RequirePermission('unmask', 'Account')
  async unmask(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UnmaskDto) {
    return toUnmasked(await this.verifications.unmask(actor, id, dto.verificationId, dto.reason));
  }

  /** Block on request: a supervisor, or an agent for the caller verified on this call (the service checks). */
  @Post(':id/lock')
  @HttpCode(200)
  @RequirePermission('lock', 'Account')
  async lock(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: LockDto) {
    const { account, methods } = await this.accounts.detail((await this.locks.lock(actor, id, dto)).id);
    return toDetail(account, methods);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission('unlock', 'Account')
  async unlock(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UnlockDto) {
    const { account, methods } = await this.accounts.detail((await this.locks.unlock(actor, id, dto.reason)).id);
    return toDetail(account, methods);
  }

  @Post(':id/customer-id-reminder')
  @HttpCode(202)
  @RequirePermission('notify', 'Account')
  async reminder(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReminderDto) {
    return this.accounts.sendCustomerIdReminder(actor, id, dto.callReference);
  }
}
