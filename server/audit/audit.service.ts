import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../core/clock';
import { canonicalEntry, ChainedFields } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { AuditInput } from './audit.types';

/**
 * One round trip per entry: the database function `audit_append` (migration AuditAppendFunction) takes the chain
 * lock, reads the last hash, hashes and inserts. The canonical text is computed here, by the same code the
 * verifier uses.
 */
export const AUDIT_APPEND_SQL = `SELECT id, prev_hash AS "prevHash", hash FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;

export function auditAppendParams(fields: ChainedFields): unknown[] {
  return [
    fields.at,
    fields.actorId,
    fields.actorEmail,
    fields.actorRoles,
    fields.action,
    fields.outcome,
    fields.targetType,
    fields.targetId,
    fields.caseId,
    fields.reason,
    fields.before === null ? null : JSON.stringify(fields.before),
    fields.after === null ? null : JSON.stringify(fields.after),
    fields.ip,
    fields.requestId,
    canonicalEntry(fields),
  ];
}

interface Appended {
  id: string;
  prevHash: string;
  hash: string;
}

@Injectable()
export class AuditService {
  /** Told after each append (before its transaction commits): a cheap wake-up, e.g. of the security event stream. */
  private appended?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry inside the caller's transaction: if the entry cannot be written, the change it records
   * rolls back with it. The chain lock is held until that transaction ends, so record the entry last, after the
   * transaction's row locks: taking rows after the chain lock can deadlock with a transaction doing the reverse,
   * and every other writer waits for as long as the lock is held.
   */
  async record(manager: EntityManager, input: AuditInput): Promise<AuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record needs the EntityManager of an open transaction');
    }
    return this.append(manager, input);
  }

  /**
   * For entries that stand alone (a read, a failed login): one autocommit statement, so the chain lock is
   * released by the database itself, with no application round trip inside the serialized section.
   */
  async recordAlone(input: AuditInput): Promise<AuditEvent> {
    return this.append(this.dataSource.manager, input);
  }

  /** One listener; it must only take note and return (it runs on the hot path of every audited action). */
  onAppend(listener: () => void): void {
    this.appended = listener;
  }

  private async append(manager: EntityManager, input: AuditInput): Promise<AuditEvent> {
    const fields = {
      at: this.clock.now(),
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      actorRoles: input.actor ? [...input.actor.roles].sort() : [],
      action: input.action,
      outcome: input.outcome ?? 'success',
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      caseId: input.caseId ?? null,
      reason: input.reason ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    };
    const [row] = await manager.query<Appended[]>(AUDIT_APPEND_SQL, auditAppendParams(fields));
    this.appended?.();
    return manager.create(AuditEvent, { ...fields, id: String(row.id), prevHash: row.prevHash, hash: row.hash });
  }
}
