import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, auditActor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { SessionService } from '../auth/session.service';
import { AuditService } from '../audit/audit.service';
import { staffError } from './staff.errors';
import { allStaff, pendingRequests } from './staff-queries.service';
import type { PendingRequest } from './pending-requests';
import { RoleRequest } from './role-request.entity';
import { grantsPrivilege, RoleRequestsService } from './role-requests.service';
import { StaffUser } from '../auth/staff-user.entity';
import { UpdateStaffDto } from './staff.dto';
import { isUuid } from '../core/ids';

export interface Updated {
  user: StaffUser;
  /** Set when the new roles grant supervisor or admin: they wait for a second admin, the rest applied now. */
  pending: RoleRequest | null;
}

@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly roleRequests: RoleRequestsService,
  ) {}

  list(): Promise<StaffUser[]> {
    return allStaff(this.dataSource.manager);
  }

  /** What waits for a second admin: role grants and second-factor resets. */
  pendingRequests(): Promise<PendingRequest[]> {
    return pendingRequests(this.dataSource.manager);
  }

  async get(actor: Actor, id: string): Promise<StaffUser> {
    const user = isUuid(id) ? await this.dataSource.getRepository(StaffUser).findOneBy({ id }) : null;
    if (!user || !actor.ability.can('read', asSubject('StaffUser', { id: user.id }))) throw staffError('not_found');
    return user;
  }

  /**
   * Roles and the active flag, with the audit entry and the session revocation in the same transaction. Roles that
   * grant supervisor or admin become a pending request instead; the active flag still applies at once.
   */
  async update(actor: Actor, id: string, dto: UpdateStaffDto): Promise<Updated> {
    if (dto.roles === undefined && dto.active === undefined) {
      throw staffError('nothing_to_change', {}, { fields: { roles: 'give roles or active' } });
    }
    return this.dataSource.transaction(async (manager) => {
      const user = isUuid(id)
        ? await manager.getRepository(StaffUser).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!user || !actor.ability.can('read', asSubject('StaffUser', { id: user.id }))) throw staffError('not_found');
      if (!actor.ability.can('update', asSubject('StaffUser', { id: user.id }))) {
        throw staffError(user.id === actor.id ? 'own_roles' : 'may_not_change');
      }
      const before = { roles: user.roles, active: user.active };
      const wanted = dto.roles === undefined ? undefined : [...dto.roles].sort();
      const pending =
        wanted && grantsPrivilege(user.roles, wanted) ? await this.roleRequests.open(manager, actor, user, wanted, dto.reason) : null;
      if (pending && (dto.active === undefined || dto.active === user.active)) return { user, pending };
      if (wanted && !pending) user.roles = wanted;
      if (dto.active !== undefined) user.active = dto.active;
      const saved = await manager.save(user);
      // Roles and the active flag count on this member's very next request in this process (see SessionService).
      this.sessions.forgetStaff(saved.id);
      if (!saved.active) await this.sessions.revokeAllFor(manager, saved.id);
      const action =
        dto.active === false && before.active
          ? 'staff.disable'
          : dto.active === true && !before.active
            ? 'staff.enable'
            : 'staff.roles.change';
      await this.audit.record(manager, {
        actor: auditActor(actor),
        meta: actor.meta,
        action,
        targetType: 'staff',
        targetId: saved.id,
        reason: dto.reason,
        before,
        after: { roles: saved.roles, active: saved.active },
      });
      return { user: saved, pending };
    });
  }
}
