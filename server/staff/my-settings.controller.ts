import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { DataSource } from 'typeorm';
import { auditActor, CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { Authenticated } from '../auth/policy.decorator';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { notFound } from '../core/http/errors';
import { StaffUser } from './staff-user.entity';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../core/http/api-errors';
import { MySettingsResponse } from './staff-responses.dto';

@ValidatorConstraint({ name: 'phoneRegion' })
class PhoneRegionConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && /^[A-Z]{2}$/.test(value) && isSupportedCountry(value as Parameters<typeof isSupportedCountry>[0]);
  }
  defaultMessage(): string {
    return 'must be a two-letter country code such as FR, BE, CH, GB, DE or ES';
  }
}

export class MySettingsDto {
  /** ISO 3166-1 alpha-2 (`GB`, not `UK`); empty: back to the desk's default (null fields count as absent). */
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2; empty or null: the desk default' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim().toUpperCase()) : value))
  @IsString({ message: 'must be a two-letter country code such as FR, BE, CH, GB, DE or ES' })
  @Validate(PhoneRegionConstraint)
  phoneRegion?: string | null;
}

/**
 * Each staff member's own settings, whatever their roles: today the region national phone numbers typed in the
 * search box are read in first. Nobody sets another member's; every change is audited.
 */
@ApiTags('my-settings')
@ApiCookieAuth('rd_session')
@ApiErrors(401)
@Controller('my-settings')
export class MySettingsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private view(user: Pick<StaffUser, 'phoneRegion'>) {
    return { phoneRegion: user.phoneRegion, defaultPhoneRegion: this.config.defaultPhoneRegion };
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "The signed-in member's own settings" })
  @ApiOkResponse({ type: MySettingsResponse })
  async get(@CurrentActor() actor: Actor) {
    const user = await this.dataSource.getRepository(StaffUser).findOneBy({ id: actor.id });
    if (!user) throw notFound('No staff member with this id');
    return this.view(user);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({ summary: "Change the signed-in member's own settings" })
  @ApiOkResponse({ type: MySettingsResponse })
  @ApiErrors(400)
  async patch(@CurrentActor() actor: Actor, @Body() dto: MySettingsDto) {
    return this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(StaffUser).findOne({ where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('No staff member with this id');
      const before = user.phoneRegion;
      const after = dto.phoneRegion === undefined ? before : dto.phoneRegion;
      if (before !== after) {
        await m.update(StaffUser, { id: user.id }, { phoneRegion: after });
        await this.audit.record(m, {
          actor: auditActor(actor), meta: actor.meta, action: 'staff.settings.update', targetType: 'staff', targetId: user.id,
          before: { phoneRegion: before }, after: { phoneRegion: after },
        });
      }
      return this.view({ phoneRegion: after });
    });
  }
}
