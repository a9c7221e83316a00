import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { SessionService } from '../auth/session.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import { staffError } from './staff.errors';
import { isUuid } from '../core/ids';
import { isUniqueViolation } from '../core/database/database-errors';
import { MfaResetRequest } from './mfa-reset-request.entity';
import { RoleRequestsService } from './role-requests.service';
import { StaffEnrolmentService } from './staff-enrolment.service';
import { PRIVILEGED_ROLES, StaffLanguage, StaffRole, StaffUser } from '../auth/staff-user.entity';
import { staffWithPasswordHash } from './staff-queries.service';

export interface Created {
  user: StaffUser;
  /** Set when the roles asked for include supervisor or admin: those wait for a second admin. */
  pendingRoleRequestId: string | null;
}

/**
 * Staff credentials: inviting a staff member, re-sending an invitation, and the four-eyes reset of a second
 * factor. No answer carries a password or a secret: the member sets both through the link mailed to them.
 */
@Injectable()
export class StaffCredentialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly enrolments: StaffEnrolmentService,
    private readonly roleRequests: RoleRequestsService,
    private readonly clock: Clock,
  ) {}

  /** Creates the member with the roles one admin may grant; supervisor and admin become a pending request. */
  async create(
    actor: Actor,
    dto: { email: string; name: string; roles: StaffRole[]; reason: string; language?: StaffLanguage },
  ): Promise<Created> {
    const immediate = dto.roles.filter((r) => !PRIVILEGED_ROLES.includes(r)).sort();
    try {
      const { user, mailId, pendingRoleRequestId } = await this.dataSource.transaction(async (m) => {
        const saved = await m.save(
          m.create(StaffUser, {
            email: dto.email.toLowerCase(),
            name: dto.name,
            roles: immediate,
            active: true,
            language: dto.language ?? 'en',
            passwordHash: null,
            totpSecret: null,
          }),
        );
        await this.audit.record(m, {
          actor: auditActor(actor),
          meta: actor.meta,
          action: 'staff.create',
          targetType: 'staff',
          targetId: saved.id,
          reason: dto.reason,
          after: { email: saved.email, roles: saved.roles },
        });
        const pending =
          immediate.length === dto.roles.length ? null : await this.roleRequests.open(m, actor, saved, [...dto.roles].sort(), dto.reason);
        const mail = await this.enrolments.issue(m, saved, 'invite', auditActor(actor), actor.meta);
        return { user: saved, mailId: mail, pendingRoleRequestId: pending?.id ?? null };
      });
      await this.enrolments.relay(mailId);
      return { user, pendingRoleRequestId };
    } catch (e) {
      if (isUniqueViolation(e)) throw staffError('email_taken');
      throw e;
    }
  }

  /** A new invitation link (the last one expired or was lost), only while the member has not enrolled yet. */
  async reinvite(actor: Actor, staffId: string): Promise<StaffUser> {
    const { user, mailId } = await this.dataSource.transaction(async (m) => {
      const found = isUuid(staffId) ? await staffWithPasswordHash(m, staffId, true) : null;
      if (!found) throw staffError('not_found');
      if (found.passwordHash) throw staffError('already_enrolled');
      if (!found.active) throw staffError('disabled');
      return { user: found, mailId: await this.enrolments.issue(m, found, 'invite', auditActor(actor), actor.meta) };
    });
    await this.enrolments.relay(mailId);
    return user;
  }

  private async target(actor: Actor, id: string): Promise<StaffUser> {
    const user = isUuid(id) ? await this.dataSource.getRepository(StaffUser).findOneBy({ id }) : null;
    if (!user) throw staffError('not_found');
    if (!actor.ability.can('update', asSubject('StaffUser', { id: user.id }))) throw staffError('own_mfa_reset');
    return user;
  }

  async requestMfaReset(actor: Actor, staffId: string, reason: string): Promise<MfaResetRequest> {
    const user = await this.target(actor, staffId);
    try {
      return await this.dataSource.transaction(async (m) => {
        const req = await m.save(m.create(MfaResetRequest, { staffId: user.id, requestedBy: actor.id, reason }));
        await this.audit.record(m, {
          actor: auditActor(actor),
          meta: actor.meta,
          action: 'staff.mfa_reset.request',
          targetType: 'staff',
          targetId: user.id,
          reason,
        });
        return req;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw staffError('mfa_reset_pending');
      throw e;
    }
  }

  private async openReset(m: EntityManager, requestId: string): Promise<MfaResetRequest> {
    const req = isUuid(requestId)
      ? await m
          .getRepository(MfaResetRequest)
          .findOne({ where: { id: requestId, confirmedAt: IsNull(), cancelledAt: IsNull() }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!req) throw staffError('mfa_reset_not_found');
    return req;
  }

  /**
   * The second admin confirms: the old secret is erased (no sign-in until the member re-enrols), every session of
   * that member ends, and a re-enrolment link goes to the member's address.
   */
  async confirmMfaReset(actor: Actor, requestId: string): Promise<StaffUser> {
    const { staff, mailId } = await this.dataSource.transaction(async (m) => {
      const req = await this.openReset(m, requestId);
      if (req.requestedBy === actor.id) throw staffError('mfa_reset_own_request');
      const staff = await this.target(actor, req.staffId);
      await m.update(MfaResetRequest, { id: req.id }, { confirmedBy: actor.id, confirmedAt: this.clock.now() });
      await m.update(StaffUser, { id: staff.id }, { totpSecret: null, totpLastStep: null });
      const ended = await this.sessions.revokeAllFor(m, staff.id);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'staff.mfa_reset.confirm',
        targetType: 'staff',
        targetId: staff.id,
        reason: req.reason,
        after: { requestedBy: req.requestedBy, sessionsEnded: ended },
      });
      return { staff, mailId: await this.enrolments.issue(m, staff, 'mfa_reset', auditActor(actor), actor.meta) };
    });
    await this.enrolments.relay(mailId);
    return staff;
  }

  /** Any admin may refuse a reset, the requester included (withdrawing it). */
  async refuseMfaReset(actor: Actor, requestId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const req = await this.openReset(m, requestId);
      await m.update(MfaResetRequest, { id: req.id }, { cancelledBy: actor.id, cancelledAt: this.clock.now() });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'staff.mfa_reset.refuse',
        targetType: 'staff',
        targetId: req.staffId,
        reason: req.reason,
        after: { requestedBy: req.requestedBy },
      });
    });
  }
}
