import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * The query of every keyset-paged list: a page size and the opaque cursor the previous page returned
 * (see core/database/keyset.ts). A class per default size, so the OpenAPI document states each list's own default.
 */
export function PageQuery(defaultLimit: number) {
  class Page {
    @ApiPropertyOptional({ minimum: 1, maximum: 100, default: defaultLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(100)
    limit?: number;

    @ApiPropertyOptional({ maxLength: 200 })
    @IsOptional()
    @IsString()
    @MaxLength(200)
    cursor?: string;
  }
  return Page;
}
