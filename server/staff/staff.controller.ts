import { Body, Controller, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import type { PendingRequest } from './pending-requests';
import { RoleRequestsService } from './role-requests.service';
import { CreateStaffDto, ReasonDto, toRoleRequestResponse, toStaffResponse, UpdateStaffDto } from './staff.dto';
import type { RoleRequestResponse, StaffResponse } from './staff.dto';
import { StaffCredentialsService } from './staff-credentials.service';
import { StaffService } from './staff.service';
import {
  ApiAcceptedResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../core/http/api-errors';
import {
  MfaResetRequestResponse,
  PendingRequestsResponse,
  StaffCreatedResponse,
  StaffMemberResponse,
  StaffPage,
  StaffUpdatePendingResponse,
  StaffUserOnly,
} from './staff-responses.dto';

@ApiTags('staff')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller('staff')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly credentials: StaffCredentialsService,
    private readonly roleRequests: RoleRequestsService,
  ) {}

  @Get()
  @RequirePermission('read', 'StaffUser')
  @ApiOperation({ summary: 'Staff members' })
  @ApiOkResponse({ type: StaffPage })
  async list(): Promise<{ data: StaffResponse[]; nextCursor: null }> {
    return { data: (await this.staff.list()).map(toStaffResponse), nextCursor: null };
  }

  /** The new member gets a link by mail to set their own password and TOTP: this answer holds no secret. */
  @Post()
  @RequirePermission('create', 'StaffUser')
  @ApiOperation({ summary: 'Invite a staff member (mailed link)' })
  @ApiCreatedResponse({ type: StaffCreatedResponse })
  @ApiErrors(400, 409)
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateStaffDto,
  ): Promise<{ user: StaffResponse; pendingRoleRequestId: string | null }> {
    const created = await this.credentials.create(actor, dto);
    return { user: toStaffResponse(created.user), pendingRoleRequestId: created.pendingRoleRequestId };
  }

  /** What waits for a second admin: role grants and second-factor resets. */
  @Get('pending-requests')
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'What waits for a second admin' })
  @ApiOkResponse({ type: PendingRequestsResponse })
  async pending(): Promise<{ data: PendingRequest[] }> {
    return { data: await this.staff.pendingRequests() };
  }

  @Post('role-requests/:requestId/confirm')
  @HttpCode(200)
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'A second admin confirms a role grant' })
  @ApiOkResponse({ type: StaffMemberResponse })
  @ApiErrors(404, 409)
  async confirmRoles(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<StaffResponse> {
    return toStaffResponse(await this.roleRequests.confirm(actor, requestId));
  }

  @Post('role-requests/:requestId/refuse')
  @HttpCode(204)
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'A second admin refuses a role grant' })
  @ApiNoContentResponse()
  @ApiErrors(404, 409)
  async refuseRoles(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<void> {
    await this.roleRequests.refuse(actor, requestId);
  }

  @Post(':id/invitation')
  @HttpCode(202)
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'Mail a new invitation link' })
  @ApiAcceptedResponse({ type: StaffMemberResponse })
  @ApiErrors(404, 409)
  async reinvite(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StaffResponse> {
    return toStaffResponse(await this.credentials.reinvite(actor, id));
  }

  @Post(':id/mfa-reset-requests')
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'Ask for a second-factor reset (a second admin confirms)' })
  @ApiCreatedResponse({ type: MfaResetRequestResponse })
  @ApiErrors(400, 404, 409)
  async requestMfaReset(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    const r = await this.credentials.requestMfaReset(actor, id, dto.reason);
    return { id: r.id, staffId: r.staffId, requestedBy: r.requestedBy, reason: r.reason, createdAt: r.createdAt.toISOString() };
  }

  /** The member is mailed a re-enrolment link; nobody else receives the new secret. */
  @Post('mfa-reset-requests/:requestId/confirm')
  @HttpCode(200)
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'A second admin confirms a second-factor reset' })
  @ApiOkResponse({ type: StaffUserOnly })
  @ApiErrors(404, 409)
  async confirmMfaReset(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<{ user: StaffResponse }> {
    return { user: toStaffResponse(await this.credentials.confirmMfaReset(actor, requestId)) };
  }

  @Post('mfa-reset-requests/:requestId/refuse')
  @HttpCode(204)
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'A second admin refuses a second-factor reset' })
  @ApiNoContentResponse()
  @ApiErrors(404, 409)
  async refuseMfaReset(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<void> {
    await this.credentials.refuseMfaReset(actor, requestId);
  }

  @Get(':id')
  @RequirePermission('read', 'StaffUser')
  @ApiOperation({ summary: 'One staff member' })
  @ApiOkResponse({ type: StaffMemberResponse })
  @ApiErrors(404)
  async one(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.get(actor, id));
  }

  /** 200 with the member once applied; 202 with the request when the roles grant supervisor or admin. */
  @Patch(':id')
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'Change roles or status; supervisor and admin roles wait for a second admin (202)' })
  @ApiOkResponse({ type: StaffMemberResponse })
  @ApiAcceptedResponse({ type: StaffUpdatePendingResponse })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: UpdateStaffDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StaffResponse | { user: StaffResponse; pendingRoleRequest: RoleRequestResponse }> {
    const { user, pending } = await this.staff.update(actor, id, dto);
    if (!pending) return toStaffResponse(user);
    res.status(202);
    return { user: toStaffResponse(user), pendingRoleRequest: toRoleRequestResponse(pending) };
  }
}
