import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiStaffErrors } from '../../core/http/api-errors';
import { CurrentActor } from '../actor';
import type { Actor } from '../actor';
import { RequirePermission } from '../policy.decorator';
import { SecurityKeyResetsService } from './security-key-resets.service';
import {
  SecurityKeyResetConfirmedResponse,
  SecurityKeyResetDto,
  SecurityKeyResetListResponse,
  SecurityKeyResetResponse,
  StaffSecurityKeysResponse,
  toKeyResponse,
  toResetResponse,
} from './webauthn.dto';

/** Admins: a member's security keys, and their four-eyes reset (one admin asks, another confirms). */
@ApiTags('security-keys')
@ApiCookieAuth('rd_session')
@ApiStaffErrors()
@Controller()
export class SecurityKeyResetsController {
  constructor(private readonly resets: SecurityKeyResetsService) {}

  @Get('staff/:id/security-keys')
  @RequirePermission('read', 'StaffUser')
  @ApiOperation({ summary: "A staff member's security keys (names and dates)" })
  @ApiOkResponse({ type: StaffSecurityKeysResponse })
  @ApiErrors(404)
  async keysOf(@Param('id') id: string): Promise<StaffSecurityKeysResponse> {
    return { data: (await this.resets.keysOf(id)).map(toKeyResponse) };
  }

  @Post('staff/:id/security-key-resets')
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: "Ask for the removal of a member's security keys (a second admin confirms)" })
  @ApiCreatedResponse({ type: SecurityKeyResetResponse })
  @ApiErrors(400, 404, 409)
  async request(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SecurityKeyResetDto,
  ): Promise<SecurityKeyResetResponse> {
    return toResetResponse(await this.resets.request(actor, id, dto.reason));
  }

  @Get('security-key-resets')
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'Security key resets waiting for a second admin' })
  @ApiOkResponse({ type: SecurityKeyResetListResponse })
  async open(): Promise<SecurityKeyResetListResponse> {
    return { data: (await this.resets.open()).map(toResetResponse) };
  }

  @Post('security-key-resets/:requestId/confirm')
  @HttpCode(200)
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'A second admin confirms: the keys are removed, the sessions end' })
  @ApiOkResponse({ type: SecurityKeyResetConfirmedResponse })
  @ApiErrors(404)
  async confirm(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<SecurityKeyResetConfirmedResponse> {
    const { staff, keysRemoved } = await this.resets.confirm(actor, requestId);
    return { staffId: staff.id, keysRemoved };
  }

  @Post('security-key-resets/:requestId/refuse')
  @HttpCode(204)
  @RequirePermission('update', 'StaffUser')
  @ApiOperation({ summary: 'Refuse (or withdraw) a security key reset' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async refuse(@CurrentActor() actor: Actor, @Param('requestId') requestId: string): Promise<void> {
    await this.resets.refuse(actor, requestId);
  }
}
