import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../core/clock';
import { isUniqueViolation } from '../../core/database/database-errors';
import { isUuid } from '../../core/ids';
import { auditActor } from '../actor';
import type { Actor } from '../actor';
import { asSubject } from '../permissions';
import { SessionService } from '../session.service';
import { StaffUser } from '../staff-user.entity';
import { SecurityKeyReset } from './security-key-reset.entity';
import { StaffSecurityKey } from './staff-security-key.entity';
import { webauthnError } from './webauthn.errors';
import { keysOf, openKeyResets } from './webauthn-queries.service';

/**
 * The four-eyes removal of a member's security keys (a lost or stolen key), as the TOTP reset: one admin asks, another
 * confirms; the keys go, the member's sessions end, and they sign in with their code and enrol new keys.
 */
@Injectable()
export class SecurityKeyResetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async target(actor: Actor, id: string): Promise<StaffUser> {
    const user = isUuid(id) ? await this.dataSource.getRepository(StaffUser).findOneBy({ id }) : null;
    if (!user) throw webauthnError('staff_not_found');
    if (!actor.ability.can('update', asSubject('StaffUser', { id: user.id }))) throw webauthnError('own_key_reset');
    return user;
  }

  /** A member's keys as an admin sees them (names and dates, nothing of the credential). */
  async keysOf(staffId: string): Promise<StaffSecurityKey[]> {
    const user = isUuid(staffId) ? await this.dataSource.getRepository(StaffUser).findOneBy({ id: staffId }) : null;
    if (!user) throw webauthnError('staff_not_found');
    return keysOf(this.dataSource.manager, user.id);
  }

  open(): Promise<SecurityKeyReset[]> {
    return openKeyResets(this.dataSource.manager);
  }

  async request(actor: Actor, staffId: string, reason: string): Promise<SecurityKeyReset> {
    const user = await this.target(actor, staffId);
    try {
      return await this.dataSource.transaction(async (m) => {
        const req = await m.save(m.create(SecurityKeyReset, { staffId: user.id, requestedBy: actor.id, reason }));
        await this.audit.record(m, {
          actor: auditActor(actor),
          meta: actor.meta,
          action: 'staff.security_key_reset.request',
          targetType: 'staff',
          targetId: user.id,
          reason,
        });
        return req;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw webauthnError('key_reset_pending');
      throw e;
    }
  }

  private async openReset(m: EntityManager, requestId: string): Promise<SecurityKeyReset> {
    const req = isUuid(requestId)
      ? await m
          .getRepository(SecurityKeyReset)
          .findOne({ where: { id: requestId, confirmedAt: IsNull(), cancelledAt: IsNull() }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!req) throw webauthnError('key_reset_not_found');
    return req;
  }

  /** The second admin confirms: every key of the member is removed and every session of theirs ends. */
  async confirm(actor: Actor, requestId: string): Promise<{ staff: StaffUser; keysRemoved: number }> {
    return this.dataSource.transaction(async (m) => {
      const req = await this.openReset(m, requestId);
      if (req.requestedBy === actor.id) throw webauthnError('key_reset_own_request');
      const staff = await this.target(actor, req.staffId);
      await m.update(SecurityKeyReset, { id: req.id }, { confirmedBy: actor.id, confirmedAt: this.clock.now() });
      const removed = await m.delete(StaffSecurityKey, { staffId: staff.id });
      const ended = await this.sessions.revokeAllFor(m, staff.id);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'staff.security_key_reset.confirm',
        targetType: 'staff',
        targetId: staff.id,
        reason: req.reason,
        after: { requestedBy: req.requestedBy, keysRemoved: removed.affected ?? 0, sessionsEnded: ended },
      });
      return { staff, keysRemoved: removed.affected ?? 0 };
    });
  }

  /** Any admin may refuse a reset, the requester included (withdrawing it). */
  async refuse(actor: Actor, requestId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const req = await this.openReset(m, requestId);
      await m.update(SecurityKeyReset, { id: req.id }, { cancelledBy: actor.id, cancelledAt: this.clock.now() });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'staff.security_key_reset.refuse',
        targetType: 'staff',
        targetId: req.staffId,
        reason: req.reason,
        after: { requestedBy: req.requestedBy },
      });
    });
  }
}
