import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { RequirePermission } from '../auth/policy.decorator';
import { StaffResponse, toStaffResponse, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';

@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @RequirePermission('read', 'StaffUser')
  async list(): Promise<{ data: StaffResponse[]; nextCursor: null }> {
    return { data: (await this.staff.list()).map(toStaffResponse), nextCursor: null };
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
