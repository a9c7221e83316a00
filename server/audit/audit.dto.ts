import { Transform, Type } from 'class-transformer';
import { PageQuery } from '../core/http/page-query';
import { IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type { AuditEvent } from './audit-event.entity';
import { CHAINED_KEYS, pickChained, type ChainedFields } from './audit-chain';

/** A repeated parameter (`action=a&action=b`) reads as the comma-separated list it means. */
const joinRepeated = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.join(',') : value);

export class AuditListQuery extends PageQuery(25) {
  @ApiPropertyOptional({ maxLength: 254, description: "Part of the actor's email (any case), or a staff UUID" })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  actor?: string;
  @ApiPropertyOptional({ enum: ['agent', 'reviewer', 'supervisor', 'admin'] })
  @IsOptional()
  @IsIn(['agent', 'reviewer', 'supervisor', 'admin'])
  role?: string;
  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'Actions (`account.lock`) and families (`recovery.*`), comma-separated or the parameter repeated',
  })
  @IsOptional()
  @Transform(joinRepeated)
  @IsString()
  @MaxLength(1000)
  action?: string;
  @ApiPropertyOptional({ maxLength: 60, description: 'Every entry about this account: on it, or on one of its cases' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  customerId?: string;
  @ApiPropertyOptional({ maxLength: 254, description: 'What the entry is about: a customer ID, a staff email or a case number' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  target?: string;
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

/** Who or what an entry is about, as people know it: never shown as a UUID (the ids serve only as links). */
export interface AuditDisplay {
  customerId: string | null;
  accountId: string | null;
  staffEmail: string | null;
  staffId: string | null;
  caseRef: string | null;
  caseKind: 'recovery' | 'identity' | null;
}

export const NO_DISPLAY: AuditDisplay = {
  customerId: null,
  accountId: null,
  staffEmail: null,
  staffId: null,
  caseRef: null,
  caseKind: null,
};

const CHAINED_COLUMNS = CHAINED_KEYS.filter((k) => k !== 'actorId');
const AFTER_CASE = CHAINED_COLUMNS.indexOf('caseId') + 1;

/**
 * The export's columns: the entry's id, its chained fields (the actor by email, not id), the account's customer ID
 * (after the case) and its hashes.
 */
export const CSV_COLUMNS = [
  'id',
  ...CHAINED_COLUMNS.slice(0, AFTER_CASE),
  'customerId',
  ...CHAINED_COLUMNS.slice(AFTER_CASE),
  'prevHash',
  'hash',
] as const;

/** A cell a spreadsheet would run as a formula: = + - @ (ASCII or full-width), a tab or a carriage return first. */
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180). Cells hold what staff and anonymous callers typed (a call reference, a reason, a login
 * email): any cell starting with = + - @, a tab or a carriage return gets a leading single quote, so a spreadsheet
 * shows it as text instead of running it as a formula (OWASP, CSV injection; the same rule as csv-stringify's
 * escape_formulas, which the export used before).
 */
function csvCell(value: string | null): string {
  if (!value) return '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A batch of the export as CSV text, the header line first when `header`. One string per batch rather than a
 * row-by-row stream: measured on 100,000 rows, csv-stringify's per-row Transform and its one small socket write per
 * row cost more CPU than the query, and their garbage drove the API's heap (and RSS) up with the export's length.
 */
export function auditCsvText(rows: (string | null)[][], header: boolean): string {
  const lines = rows.map((row) => row.map(csvCell).join(','));
  if (header) lines.unshift(CSV_COLUMNS.join(','));
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** One cell per column: dates as ISO text, roles space-separated, before/after as JSON. */
export function toCsvRow(e: AuditEvent, customerId: string | null = null): (string | null)[] {
  return CSV_COLUMNS.map((column) => {
    const value: unknown = column === 'customerId' ? customerId : e[column];
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

/** An entry with its display fields (the explorer's list and detail). */
export const toAuditEntryView = (e: AuditEvent, display: AuditDisplay) => ({ ...toAuditEventResponse(e), display });
