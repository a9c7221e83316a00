import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../core/clock';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { AuditInput } from './audit.types';

/** Serializes writers so each entry links to the one committed before it. */
const CHAIN_LOCK_KEY = 7_367_001;

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry inside the caller's transaction: if the entry cannot be written, the change it records
   * rolls back with it. The chain lock is held until that transaction ends, so record the entry after the
   * transaction's row locks: taking rows after the chain lock can deadlock with a transaction doing the reverse.
   */
  async record(manager: EntityManager, input: AuditInput): Promise<AuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record needs the EntityManager of an open transaction');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const last: { hash: string }[] = await manager.query('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
    const prevHash = last[0]?.hash ?? GENESIS_HASH;

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
    const entity = manager.create(AuditEvent, { ...fields, prevHash, hash: chainHash(prevHash, fields) });
    return manager.save(AuditEvent, entity);
  }

  /** For entries that stand alone (a failed login): their own short transaction. */
  async recordAlone(input: AuditInput): Promise<AuditEvent> {
    return this.dataSource.transaction((manager) => this.record(manager, input));
  }
}
