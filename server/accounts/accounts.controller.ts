import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { AccountLockService } from './account-lock.service';
import {
  AccountSearchQuery,
  EventsQuery,
  LockDto,
  ReminderDto,
  UnlockDto,
  StartVerificationDto,
  toDetail,
  toEvent,
  toSummary,
  toUnmasked,
  UnmaskDto,
} from './accounts.dto';
import { AccountsService } from './accounts.service';
import { VerificationService } from './verification.service';
import { ApiAcceptedResponse, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import {
  AccountDetailResponse,
  AccountSearchPage,
  ReminderResponse,
  SecurityEventPage,
  UnmaskedContactResponse,
  VerificationResponse,
} from './accounts-responses.dto';

@ApiTags('accounts')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly verifications: VerificationService,
    private readonly locks: AccountLockService,
  ) {}

  @Get()
  @RequirePermission('read', 'Account')
  @ApiOperation({ summary: 'Search accounts by customer ID, email, phone or name' })
  @ApiOkResponse({ type: AccountSearchPage })
  @ApiErrors(400)
  async search(@CurrentActor() actor: Actor, @Query() q: AccountSearchQuery) {
    const found = await this.accounts.search(actor, q.q, q.callRef, q.similar);
    return { data: found.map((h) => ({ ...toSummary(h.account), match: h.match })), nextCursor: null };
  }

  @Get(':id')
  @RequirePermission('read', 'Account')
  @ApiOperation({ summary: 'The account page, contact data masked' })
  @ApiOkResponse({ type: AccountDetailResponse })
  @ApiErrors(404)
  async detail(@Param('id') id: string) {
    const { account, methods } = await this.accounts.detail(id);
    return toDetail(account, methods);
  }

  @Get(':id/events')
  @RequirePermission('read', 'Account')
  @ApiOperation({ summary: "The account's security timeline, newest first" })
  @ApiOkResponse({ type: SecurityEventPage })
  @ApiErrors(400, 404)
  async events(@Param('id') id: string, @Query() q: EventsQuery) {
    const page = await this.accounts.events(id, q.limit ?? 25, q.cursor);
    return { data: page.data.map(toEvent), nextCursor: page.nextCursor };
  }

  @Post(':id/verifications')
  @RequirePermission('create', 'CallerVerification')
  @ApiOperation({ summary: 'Start the checks of a call' })
  @ApiCreatedResponse({ type: VerificationResponse })
  @ApiErrors(400, 404)
  async startVerification(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: StartVerificationDto) {
    const v = await this.verifications.start(actor, id, dto.callReference);
    return this.verifications.state(actor, v.id);
  }

  @Post(':id/unmask')
  @HttpCode(200)
  @RequirePermission('unmask', 'Account')
  @ApiOperation({ summary: 'The contact data in full, after a possession check of this call' })
  @ApiOkResponse({ type: UnmaskedContactResponse })
  @ApiErrors(400, 404, 422)
  async unmask(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UnmaskDto) {
    return toUnmasked(await this.verifications.unmask(actor, id, dto.verificationId, dto.reason));
  }

  /** Block on request: a supervisor, or an agent for the caller verified on this call (the service checks). */
  @Post(':id/lock')
  @HttpCode(200)
  @RequirePermission('lock', 'Account')
  @ApiOperation({ summary: 'Block the account on request' })
  @ApiOkResponse({ type: AccountDetailResponse })
  @ApiErrors(400, 404, 409, 422)
  async lock(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: LockDto) {
    const { account, methods } = await this.accounts.detail((await this.locks.lock(actor, id, dto)).id);
    return toDetail(account, methods);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission('unlock', 'Account')
  @ApiOperation({ summary: 'Unblock the account' })
  @ApiOkResponse({ type: AccountDetailResponse })
  @ApiErrors(400, 404, 409, 422)
  async unlock(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UnlockDto) {
    const { account, methods } = await this.accounts.detail((await this.locks.unlock(actor, id, dto.reason)).id);
    return toDetail(account, methods);
  }

  @Post(':id/customer-id-reminder')
  @HttpCode(202)
  @RequirePermission('notify', 'Account')
  @ApiOperation({ summary: 'Mail the customer ID to the addresses on file' })
  @ApiAcceptedResponse({ type: ReminderResponse })
  @ApiErrors(400, 404, 422)
  async reminder(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReminderDto) {
    return this.accounts.sendCustomerIdReminder(actor, id, dto.callReference);
  }
}
