import { Type } from 'class-transformer';
import { PageQuery } from '../core/http/page-query';
import { IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { stringify, Stringifier } from 'csv-stringify';
import type { AuditEvent } from './audit-event.entity';
import { CHAINED_KEYS, pickChained, type ChainedFields } from './audit-chain';

export class AuditListQuery extends PageQuery(25) {
  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  actor?: string;
  @ApiPropertyOptional({ enum: ['agent', 'reviewer', 'supervisor', 'admin'] })
  @IsOptional()
  @IsIn(['agent', 'reviewer', 'supervisor', 'admin'])
  role?: string;
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied'] })
  @IsOptional()
  @IsIn(['success', 'failure', 'denied'])
  outcome?: string;
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  targetType?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  targetId?: string;
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  caseId?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date (ISO 8601)' })
  from?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date (ISO 8601)' })
  to?: Date;
}

export class AuditExportQuery extends OmitType(AuditListQuery, ['limit', 'cursor'] as const) {}

/** The export's columns: the entry's id, its chained fields (the actor by email, not id) and its hashes. */
export const CSV_COLUMNS = ['id', ...CHAINED_KEYS.filter((k) => k !== 'actorId'), 'prevHash', 'hash'] as const;

/**
 * The export's CSV writer. Cells hold what staff and anonymous callers typed (a call reference, a reason, a login
 * email): any cell starting with = + - @, a tab or a carriage return gets a leading single quote, so a spreadsheet
 * shows it as text instead of running it as a formula (OWASP, CSV injection; csv-stringify's escape_formulas).
 */
export function auditCsv(): Stringifier {
  return stringify({ header: true, columns: [...CSV_COLUMNS], escape_formulas: true });
}

/** One cell per column: dates as ISO text, roles space-separated, before/after as JSON. */
export function toCsvRow(e: AuditEvent): (string | null)[] {
  return CSV_COLUMNS.map((column) => {
    const value: unknown = e[column];
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.join(' ');
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** The chained fields as JSON: the timestamp as ISO text, plus the entry's id and hashes. */
export interface AuditEventResponse extends Omit<ChainedFields, 'at' | 'before' | 'after'> {
  id: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

export function toAuditEventResponse(e: AuditEvent): AuditEventResponse {
  return { id: e.id, ...pickChained(e), at: e.at.toISOString(), prevHash: e.prevHash, hash: e.hash };
}
