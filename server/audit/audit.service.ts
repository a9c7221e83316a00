import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
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
    // Lock and read in one round trip (the lock is held until commit, so its hold time is every writer's wait).
    // Each statement of a simple query takes its own snapshot in READ COMMITTED: the read runs after the lock is
    // granted and sees the entry the previous holder committed.
    const client = (await manager.queryRunner.connect()) as PoolClient;
    const [, last] = (await client.query(
      `SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY}); SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1`,
    )) as unknown as QueryResult<{ hash: string }>[];
    const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;

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
    const hash = chainHash(prevHash, fields);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO audit_events (at, actor_id, actor_email, actor_roles, action, outcome, target_type, target_id, case_id, reason,
         before, after, ip, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        fields.at, fields.actorId, fields.actorEmail, fields.actorRoles, fields.action, fields.outcome, fields.targetType, fields.targetId,
        fields.caseId, fields.reason, fields.before === null ? null : JSON.stringify(fields.before),
        fields.after === null ? null : JSON.stringify(fields.after), fields.ip, fields.requestId, prevHash, hash,
      ],
    );
    return manager.create(AuditEvent, { ...fields, id: String(inserted.rows[0].id), prevHash, hash });
  }

  /** For entries that stand alone (a failed login): their own short transaction. */
  async recordAlone(input: AuditInput): Promise<AuditEvent> {
    return this.dataSource.transaction((manager) => this.record(manager, input));
  }
}
