import { Body, Controller, Get, Patch } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { CurrentActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { Authenticated } from '../auth/policy.decorator';
import { MySettingsService } from './my-settings.service';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../core/http/api-errors';
import { MySettingsResponse } from './staff-responses.dto';

@ValidatorConstraint({ name: 'phoneRegion' })
class PhoneRegionConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
  }
  defaultMessage(): string {
    return 'must be a two-letter country code such as FR, BE, CH, GB, DE or ES';
  }
}

export class MySettingsDto {
  /** ISO 3166-1 alpha-2 (`GB`, not `UK`); empty: back to the desk's default (null fields count as absent). */
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2; empty or null: the desk default' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (value.trim() === '' ? null : value.trim().toUpperCase()) : value,
  )
  @IsString({ message: 'must be a two-letter country code such as FR, BE, CH, GB, DE or ES' })
  @Validate(PhoneRegionConstraint)
  phoneRegion?: string | null;
}

/**
 * Each staff member's own settings, whatever their roles: today the region national phone numbers typed in the
 * search box are read in first. Nobody sets another member's; every change is audited (see MySettingsService).
 */
@ApiTags('my-settings')
@ApiCookieAuth('rd_session')
@ApiErrors(401)
@Controller('my-settings')
export class MySettingsController {
  constructor(private readonly settings: MySettingsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "The signed-in member's own settings" })
  @ApiOkResponse({ type: MySettingsResponse })
  get(@CurrentActor() actor: Actor) {
    return this.settings.get(actor);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({ summary: "Change the signed-in member's own settings" })
  @ApiOkResponse({ type: MySettingsResponse })
  @ApiErrors(400)
  patch(@CurrentActor() actor: Actor, @Body() dto: MySettingsDto) {
    return this.settings.update(actor, dto.phoneRegion);
  }
}
