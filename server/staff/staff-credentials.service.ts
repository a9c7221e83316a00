import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI } from 'otplib';
import { DataSource, IsNull } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { asSubject } from '../auth/permissions';
import { SessionService } from '../auth/session.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import { conflict, DomainError, notFound } from '../core/http/errors';
import { MfaResetRequest } from './mfa-reset-request.entity';
import { StaffRole, StaffUser } from './staff-user.entity';
import { isUuid } from '../core/ids';
import { isUniqueViolation } from '../core/database/database-errors';


export interface Enrolment {
  user: StaffUser;
  /** Shown once to the admin who hands it over; never stored in clear, never logged. */
  initialPassword?: string;
  totpSecret: string;
  totpUri: string;
}

/** Staff credentials: creating a staff member, and the four-eyes reset of a second factor. */
@Injectable()
export class StaffCredentialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {}

  private uri(email: string, secret: string): string {
    return generateURI({ issuer: 'Recovery Desk', label: email, secret });
  }

  async create(actor: Actor, dto: { email: string; name: string; roles: StaffRole[]; reason: string }): Promise<Enrolment> {
    const initialPassword = randomBytes(15).toString('base64url');
    const totpSecret = generateSecret();
    const passwordHash = await argon2.hash(initialPassword);
    try {
      const user = await this.dataSource.transaction(async (m) => {
        const saved = await m.save(m.create(StaffUser, { email: dto.email.toLowerCase(), name: dto.name, roles: [...dto.roles].sort(), active: true, passwordHash, totpSecret }));
        await this.audit.record(m, {
          actor: auditActor(actor), meta: actor.meta, action: 'staff.create', targetType: 'staff', targetId: saved.id, reason: dto.reason,
          after: { email: saved.email, roles: saved.roles },
        });
        return saved;
      });
      return { user, initialPassword, totpSecret, totpUri: this.uri(user.email, totpSecret) };
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw conflict('A staff member with this email exists already');
      }
      throw e;
    }
  }

  private async target(actor: Actor, id: string): Promise<StaffUser> {
    const user = isUuid(id) ? await this.dataSource.getRepository(StaffUser).findOneBy({ id }) : null;
    if (!user) throw notFound('No staff member with this id');
    if (!actor.ability.can('update', asSubject('StaffUser', { id: user.id }))) throw new DomainError('forbidden', 'Nobody resets their own second factor');
    return user;
  }

  async requestMfaReset(actor: Actor, staffId: string, reason: string): Promise<MfaResetRequest> {
    const user = await this.target(actor, staffId);
    try {
      return await this.dataSource.transaction(async (m) => {
        const req = await m.save(m.create(MfaResetRequest, { staffId: user.id, requestedBy: actor.id, reason }));
        await this.audit.record(m, { actor: auditActor(actor), meta: actor.meta, action: 'staff.mfa_reset.request', targetType: 'staff', targetId: user.id, reason });
        return req;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('A reset of this second factor is already waiting for confirmation');
      throw e;
    }
  }

  /** The second admin confirms: a new secret, every session of that staff member ended. */
  async confirmMfaReset(actor: Actor, requestId: string): Promise<Enrolment> {
    const totpSecret = generateSecret();
    const user = await this.dataSource.transaction(async (m) => {
      const req = isUuid(requestId)
        ? await m.getRepository(MfaResetRequest).findOne({ where: { id: requestId, confirmedAt: IsNull(), cancelledAt: IsNull() }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!req) throw notFound('No open reset request with this id');
      if (req.requestedBy === actor.id) throw new DomainError('forbidden', 'You asked for this reset: another admin must confirm it');
      const staff = await this.target(actor, req.staffId);
      await m.update(MfaResetRequest, { id: req.id }, { confirmedBy: actor.id, confirmedAt: this.clock.now() });
      await m.update(StaffUser, { id: staff.id }, { totpSecret, totpLastStep: null });
      const ended = await this.sessions.revokeAllFor(m, staff.id);
      await this.audit.record(m, {
        actor: auditActor(actor), meta: actor.meta, action: 'staff.mfa_reset.confirm', targetType: 'staff', targetId: staff.id, reason: req.reason,
        after: { requestedBy: req.requestedBy, sessionsEnded: ended },
      });
      return staff;
    });
    return { user, totpSecret, totpUri: this.uri(user.email, totpSecret) };
  }
}
