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

@Controller('staff')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly credentials: StaffCredentialsService,
    private readonly roleRequests: RoleRequestsService,
  ) {}

  @Get()
  @RequirePermission('read', 'StaffUser')
  async list(): Promise<{ data: StaffResponse[]; nextCursor: null }> {
    return { data: (await this.staff.list()).map(toStaffResponse), nextCursor: null };
  }

  /** The new member gets a link by mail to set their own password and TOTP: this answer holds no secret. */
  @Post()
  @RequirePermission('create', 'StaffUser')
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateStaffDto): Promise<{ user: StaffResponse; pendingRoleRequestId: string | null }> {
    const created = await this.credentials.create(actor, dto);
    return { user: toStaffResponse(created.user), pendingRoleRequestId: created.pendingRoleRequestId };
  }

  /** What waits for a second admin: role grants and second-factor resets. */
  @Get('pending-requests')
  @RequirePermission('update', 'StaffUser')
  async pending(): Promise<{ data: PendingRequest[] }> {
    return { data: await this.staff.pendingRequests() };
  }

  @Post('role-requests/:requestId/confirm')
  @HttpCode(200)
  @RequirePermission('update', 'StaffUser')
  async confirmRoles(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<StaffResponse> {
    return toStaffResponse(await this.roleRequests.confirm(actor, requestId));
  }

  @Post('role-requests/:requestId/refuse')
  @HttpCode(204)
  @RequirePermission('update', 'StaffUser')
  async refuseRoles(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<void> {
    await this.roleRequests.refuse(actor, requestId);
  }

  @Post(':id/invitation')
  @HttpCode(202)
  @RequirePermission('update', 'StaffUser')
  async reinvite(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StaffResponse> {
    return toStaffResponse(await this.credentials.reinvite(actor, id));
  }

  @Post(':id/mfa-reset-requests')
  @RequirePermission('update', 'StaffUser')
  async requestMfaReset(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    const r = await this.credentials.requestMfaReset(actor, id, dto.reason);
    return { id: r.id, staffId: r.staffId, requestedBy: r.requestedBy, reason: r.reason, createdAt: r.createdAt.toISOString() };
  }

  /** The member is mailed a re-enrolment link; nobody else receives the new secret. */
  @Post('mfa-reset-requests/:requestId/confirm')
  @HttpCode(200)
  @RequirePermission('update', 'StaffUser')
  async confirmMfaReset(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<{ user: StaffResponse }> {
    return { user: toStaffResponse(await this.credentials.confirmMfaReset(actor, requestId)) };
  }

  @Post('mfa-reset-requests/:requestId/refuse')
  @HttpCode(204)
  @RequirePermission('update', 'StaffUser')
  async refuseMfaReset(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<void> {
    await this.credentials.refuseMfaReset(actor, requestId);
  }

  @Get(':id')
  @RequirePermission('read', 'StaffUser')
  async one(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.get(actor, id));
  }

  /** 200 with the member once applied; 202 with the request when the roles grant supervisor or admin. */
  @Patch(':id')
  @RequirePermission('update', 'StaffUser')
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
