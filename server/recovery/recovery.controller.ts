import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { Meta } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { Public, RequirePermission } from '../auth/policy.decorator';
import type { RequestMeta } from '../audit/audit.types';
import { recoveryError } from './recovery.errors';
import { RecoveryAftercareService } from './recovery-aftercare.service';
import { RecoveryQueriesService } from './recovery-queries.service';
import { OpenRecoveryDto, ReasonDto, RecoveryListQuery, SwapDto, toRecoveryResponse } from './recovery.dto';
import { RecoveryService } from './recovery.service';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import { RecoveryCasePage, RecoveryCaseResponse, RecoveryLinkResponse, RecoveryLinkUsedResponse } from './recovery-responses.dto';

@ApiTags('recovery-cases')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('recovery-cases')
export class RecoveryController {
  constructor(
    private readonly recovery: RecoveryService,
    private readonly aftercare: RecoveryAftercareService,
    private readonly queries: RecoveryQueriesService,
  ) {}

  /** The approvals inbox and case lists; an agent sees the cases they opened. */
  @Get()
  @RequirePermission('read', 'RecoveryCase')
  @ApiOperation({ summary: 'Recovery cases, oldest first (the approvals inbox)' })
  @ApiOkResponse({ type: RecoveryCasePage })
  @ApiErrors(400)
  async list(@CurrentActor() actor: Actor, @Query() q: RecoveryListQuery) {
    const page = await this.queries.list(actor, q);
    return { data: page.data.map(toRecoveryResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('read', 'RecoveryCase')
  @ApiOperation({ summary: 'One recovery case' })
  @ApiOkResponse({ type: RecoveryCaseResponse })
  @ApiErrors(404)
  async one(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const c = await this.recovery.load(id);
    if (!actor.ability.can('read', asSubject('RecoveryCase', { openedBy: c.openedBy }))) throw recoveryError('case_not_found');
    return toRecoveryResponse(c);
  }

  @Post('swaps')
  @RequirePermission('create', 'RecoveryCase')
  @ApiOperation({ summary: 'Swap the backup address to primary, on a verified call' })
  @ApiCreatedResponse({ type: RecoveryCaseResponse })
  @ApiErrors(400, 404, 409, 422)
  async swap(@CurrentActor() actor: Actor, @Body() dto: SwapDto) {
    return toRecoveryResponse(await this.recovery.swapBackupToPrimary(actor, dto));
  }

  @Post()
  @RequirePermission('create', 'RecoveryCase')
  @ApiOperation({ summary: 'Open a recovery case from a verified identity case' })
  @ApiCreatedResponse({ type: RecoveryCaseResponse })
  @ApiErrors(400, 404, 409, 422)
  async open(@CurrentActor() actor: Actor, @Body() dto: OpenRecoveryDto) {
    return toRecoveryResponse(await this.recovery.open(actor, dto));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('approve', 'RecoveryCase')
  @ApiOperation({ summary: 'Four eyes: a supervisor approves' })
  @ApiOkResponse({ type: RecoveryCaseResponse })
  @ApiErrors(404, 409, 422)
  async approve(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return toRecoveryResponse(await this.recovery.approve(actor, id));
  }

  @Post(':id/execute')
  @HttpCode(200)
  @RequirePermission('execute', 'RecoveryCase')
  @ApiOperation({ summary: 'Execute an approved case' })
  @ApiOkResponse({ type: RecoveryCaseResponse })
  @ApiErrors(404, 409, 422)
  async execute(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return toRecoveryResponse(await this.recovery.execute(actor, id, actor.meta));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('approve', 'RecoveryCase')
  @ApiOperation({ summary: 'A supervisor rejects' })
  @ApiOkResponse({ type: RecoveryCaseResponse })
  @ApiErrors(400, 404, 409)
  async reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return toRecoveryResponse(await this.aftercare.reject(actor, id, dto.reason));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('update', 'RecoveryCase')
  @ApiOperation({ summary: 'Cancel an open case' })
  @ApiOkResponse({ type: RecoveryCaseResponse })
  @ApiErrors(400, 404, 409)
  async cancel(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    const c = await this.recovery.load(id);
    if (!actor.ability.can('update', asSubject('RecoveryCase', { openedBy: c.openedBy }))) throw recoveryError('case_not_found');
    return toRecoveryResponse(await this.aftercare.cancel(actor, id, dto.reason));
  }

  @Post(':id/revert')
  @HttpCode(200)
  @RequirePermission('execute', 'RecoveryCase')
  @ApiOperation({ summary: 'Revert an executed swap the old address reported' })
  @ApiOkResponse({ type: RecoveryCaseResponse })
  @ApiErrors(400, 404, 409, 422)
  async revert(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return toRecoveryResponse(await this.aftercare.revert(actor, id, dto.reason));
  }
}

/** The links in customer mails. Reading one changes nothing; the page's button posts to use it, once. */
@ApiTags('customer links')
@Controller('public/recovery-links')
export class RecoveryLinksController {
  constructor(private readonly aftercare: RecoveryAftercareService) {}

  @Get(':token')
  @Public('the customer opens the cancel or report link of a mail; the token is the credential')
  @ApiOperation({ summary: 'What the link of a customer mail can do' })
  @ApiOkResponse({ type: RecoveryLinkResponse })
  @ApiErrors(404, 410)
  describe(@Param('token') token: string) {
    return this.aftercare.describeLink(token);
  }

  @Post(':token')
  @HttpCode(200)
  @Public('the customer cancels (during the hold) or reports (after) an action; single-use token')
  @ApiOperation({ summary: 'Cancel (during the hold) or report (after) the action; single use' })
  @ApiOkResponse({ type: RecoveryLinkUsedResponse })
  @ApiErrors(404, 409, 410)
  use(@Param('token') token: string, @Meta() meta: RequestMeta) {
    return this.aftercare.useLink(token, meta);
  }
}
