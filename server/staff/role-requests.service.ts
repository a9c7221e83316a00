import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import { SessionService } from '../auth/session.service';
import { staffError } from './staff.errors';
import { isUuid } from '../core/ids';
import { RoleRequest } from './role-request.entity';
import { PRIVILEGED_ROLES, StaffRole, StaffUser } from '../auth/staff-user.entity';

/** True when `to` holds supervisor or admin and `from` did not: one admin cannot grant that alone. */
export function grantsPrivilege(from: StaffRole[], to: StaffRole[]): boolean {
  return to.some((r) => PRIVILEGED_ROLES.includes(r) && !from.includes(r));
}

/** Role grants of supervisor or admin: one admin requests, another confirms; the requester never confirms. */
@Injectable()
export class RoleRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
  ) {}

  /**
   * In the caller's transaction, which holds the member's row locked (or just created it): the check below cannot
   * race; the partial unique index backs it. A second open request for the same member is a 409.
   */
  async open(m: EntityManager, actor: Actor, staff: StaffUser, roles: StaffRole[], reason: string): Promise<RoleRequest> {
    const exists = await m.getRepository(RoleRequest).existsBy({ staffId: staff.id, decidedAt: IsNull() });
    if (exists) throw staffError('role_request_pending');
    const req = await m.save(m.create(RoleRequest, { staffId: staff.id, requestedBy: actor.id, fromRoles: staff.roles, roles, reason }));
    await this.audit.record(m, {
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'staff.roles.request',
      targetType: 'staff',
      targetId: staff.id,
      reason,
      before: { roles: staff.roles },
      after: { roles, requestId: req.id },
    });
    return req;
  }

  async confirm(actor: Actor, requestId: string): Promise<StaffUser> {
    return this.dataSource.transaction(async (m) => {
      const req = await this.openRequest(m, requestId);
      if (req.requestedBy === actor.id) throw staffError('role_request_own_request');
      const staff = await m.getRepository(StaffUser).findOne({ where: { id: req.staffId }, lock: { mode: 'pessimistic_write' } });
      if (!staff) throw staffError('not_found');
      if (!actor.ability.can('update', asSubject('StaffUser', { id: staff.id }))) throw staffError('own_role_request');
      if ([...staff.roles].sort().join() !== [...req.fromRoles].sort().join()) {
        throw staffError('roles_changed');
      }
      await m.update(RoleRequest, { id: req.id }, { decision: 'confirmed', decidedBy: actor.id, decidedAt: this.clock.now() });
      staff.roles = req.roles;
      const saved = await m.save(staff);
      this.sessions.forgetStaff(staff.id);
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'staff.roles.confirm',
        targetType: 'staff',
        targetId: staff.id,
        reason: req.reason,
        before: { roles: req.fromRoles },
        after: { roles: saved.roles, requestedBy: req.requestedBy, requestId: req.id },
      });
      return saved;
    });
  }

  /** Any admin may refuse, the requester included (withdrawing it). */
  async refuse(actor: Actor, requestId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const req = await this.openRequest(m, requestId);
      await m.update(RoleRequest, { id: req.id }, { decision: 'refused', decidedBy: actor.id, decidedAt: this.clock.now() });
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'staff.roles.refuse',
        targetType: 'staff',
        targetId: req.staffId,
        reason: req.reason,
        after: { roles: req.roles, requestedBy: req.requestedBy, requestId: req.id },
      });
    });
  }

  private async openRequest(m: EntityManager, requestId: string): Promise<RoleRequest> {
    const req = isUuid(requestId)
      ? await m.getRepository(RoleRequest).findOne({ where: { id: requestId, decidedAt: IsNull() }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!req) throw staffError('role_request_not_found');
    return req;
  }
}
