import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { CreateStaffDto, ReasonDto, toStaffResponse, UpdateStaffDto } from './staff.dto';
import type { StaffResponse } from './staff.dto';
import { StaffCredentialsService } from './staff-credentials.service';
import { StaffService } from './staff.service';

@Controller('staff')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly credentials: StaffCredentialsService,
  ) {}

  @Get()
  @RequirePermission('read', 'StaffUser')
  async list(): Promise<{ data: StaffResponse[]; nextCursor: null }> {
    return { data: (await this.staff.list()).map(toStaffResponse), nextCursor: null };
  }

  /** The new member's initial password and TOTP secret are in this answer only, for the admin to hand over. */
  @Post()
  @RequirePermission('create', 'StaffUser')
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateStaffDto) {
    const e = await this.credentials.create(actor, dto);
    return { user: toStaffResponse(e.user), initialPassword: e.initialPassword, totpSecret: e.totpSecret, totpUri: e.totpUri };
  }

  @Post(':id/mfa-reset-requests')
  @RequirePermission('update', 'StaffUser')
  async requestMfaReset(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    const r = await this.credentials.requestMfaReset(actor, id, dto.reason);
    return { id: r.id, staffId: r.staffId, requestedBy: r.requestedBy, reason: r.reason, createdAt: r.createdAt.toISOString() };
  }

  @Post('mfa-reset-requests/:requestId/confirm')
  @HttpCode(200)
  @RequirePermission('update', 'StaffUser')
  async confirmMfaReset(@CurrentActor() actor: Actor, @Param('requestId') requestId: string) {
    const e = await this.credentials.confirmMfaReset(actor, requestId);
    return { user: toStaffResponse(e.user), totpSecret: e.totpSecret, totpUri: e.totpUri };
  }

  @Get(':id')
  @RequirePermission('read', 'StaffUser')
  async one(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.get(actor, id));
  }

  @Patch(':id')
  @RequirePermission('update', 'StaffUser')
  async update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateStaffDto): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.update(actor, id, dto));
  }
}
