import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { createHmac, randomBytes } from 'node:crypto';
import { generateSecret, generateURI } from 'otplib';
import * as QRCode from 'qrcode';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { AuditActor, RequestMeta } from '../audit/audit.types';
import { AuditService } from '../audit/audit.service';
import { verifyTotp } from '../auth/totp';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { staffError } from './staff.errors';
import { OutboxService } from '../notifications/outbox.service';
import { EnrolmentPurpose, StaffEnrolment } from './staff-enrolment.entity';
import { StaffUser } from '../auth/staff-user.entity';
import { enrolmentByTokenHash, staffWithPasswordHash } from './staff-queries.service';

export interface EnrolmentView {
  purpose: EnrolmentPurpose;
  email: string;
  name: string;
  language: string;
  expiresAt: string;
  totpSecret: string;
  totpUri: string;
  /** An SVG image as a data: URL: drawn on the server, so the console's CSP (img-src data:) shows it as is. */
  qrCode: string;
}

/**
 * Invitation and re-enrolment links. The member, and only the member, sees the TOTP secret (on the link's
 * page) and chooses the password; the account is usable once a first code proves the secret was enrolled.
 */
@Injectable()
export class StaffEnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private tokenHash(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(`staff-enrolment:${token}`).digest('hex');
  }

  /**
   * Writes a new link for `staff` in the caller's transaction (older open links of that member stop working) and
   * its mail in the outbox; returns the outbox id to relay after commit. The token exists only in the mail.
   */
  async issue(m: EntityManager, staff: StaffUser, purpose: EnrolmentPurpose, actor: AuditActor, meta: RequestMeta): Promise<string> {
    const now = this.clock.now();
    await m.update(StaffEnrolment, { staffId: staff.id, usedAt: IsNull(), cancelledAt: IsNull() }, { cancelledAt: now });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.staffInviteHours * 3600_000);
    const link = await m.save(
      m.create(StaffEnrolment, {
        staffId: staff.id,
        purpose,
        tokenHash: this.tokenHash(token),
        totpSecret: generateSecret(),
        createdAt: now,
        expiresAt,
      }),
    );
    const mail = await this.outbox.add(m, {
      accountId: null,
      template: purpose === 'invite' ? 'staff_invitation' : 'staff_reenrol',
      language: staff.language,
      to: staff.email,
      params: { name: staff.name, hours: String(this.config.staffInviteHours), link: `${this.config.publicUrl}/#/enrol/${token}` },
      secretParams: ['link'],
    });
    await this.audit.record(m, {
      actor,
      meta,
      action: 'staff.enrolment.sent',
      targetType: 'staff',
      targetId: staff.id,
      after: { purpose, enrolmentId: link.id, expiresAt: expiresAt.toISOString() },
    });
    return mail.id;
  }

  relay(mailId: string): Promise<void> {
    return this.outbox.relay([mailId]);
  }

  /** The link's page: who it is for and the secret to enrol. Reading changes nothing. */
  async view(token: string, meta: RequestMeta): Promise<EnrolmentView> {
    const { link, staff } = await this.usable(this.dataSource.manager, token, meta);
    const totpUri = generateURI({ issuer: 'Recovery Desk', label: staff.email, secret: link.totpSecret });
    return {
      purpose: link.purpose,
      email: staff.email,
      name: staff.name,
      language: staff.language,
      expiresAt: link.expiresAt.toISOString(),
      totpSecret: link.totpSecret,
      totpUri,
      qrCode: `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(totpUri, { type: 'svg', margin: 1 })).toString('base64')}`,
    };
  }

  /**
   * Invitation: `password` is the new one. Re-enrolment: it is the member's current password, so a stolen mailbox
   * alone cannot take the account. The first code must match the secret shown; then the link is spent.
   */
  async complete(token: string, password: string, otp: string, meta: RequestMeta): Promise<{ email: string }> {
    const { link, staff } = await this.usable(this.dataSource.manager, token, meta);
    const now = this.clock.now();
    const step = await verifyTotp(link.totpSecret, otp, null, now.getTime());
    if (step === null)
      throw staffError(
        'wrong_code',
        {},
        { fields: { otp: 'the code does not match: check the time of your device and try the next code' } },
      );
    let passwordHash: string | undefined;
    if (link.purpose === 'invite') {
      if (password.toLowerCase().includes(staff.email.split('@')[0].toLowerCase())) {
        throw staffError('password_contains_email', {}, { fields: { password: 'must not contain your email address' } });
      }
      passwordHash = await argon2.hash(password);
    } else {
      const current = await staffWithPasswordHash(this.dataSource.manager, staff.id);
      if (!current?.passwordHash || !(await argon2.verify(current.passwordHash, password).catch(() => false))) {
        throw staffError('wrong_password', {}, { fields: { password: 'give your current password' } });
      }
    }
    await this.dataSource.transaction(async (m) => {
      // Compare-and-set: of two submissions racing with one link, one wins and the other finds it spent.
      const claimed = await m
        .createQueryBuilder()
        .update(StaffEnrolment)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > :now', { id: link.id, now })
        .execute();
      if (!claimed.affected) throw staffError('link_used');
      await m.update(
        StaffUser,
        { id: staff.id },
        { totpSecret: link.totpSecret, totpLastStep: String(step), ...(passwordHash ? { passwordHash } : {}) },
      );
      await this.audit.record(m, {
        actor: { id: staff.id, email: staff.email, roles: staff.roles },
        meta,
        action: 'staff.enrolment.complete',
        targetType: 'staff',
        targetId: staff.id,
        after: { purpose: link.purpose, enrolmentId: link.id },
      });
    });
    return { email: staff.email };
  }

  /** The link's row if it can still be used; a spent or expired one is refused and audited, an unknown one is 404. */
  private async usable(m: EntityManager, token: string, meta: RequestMeta): Promise<{ link: StaffEnrolment; staff: StaffUser }> {
    const link = typeof token === 'string' && token.length <= 100 ? await enrolmentByTokenHash(m, this.tokenHash(token)) : null;
    if (!link) throw staffError('link_invalid');
    const staff = await m.getRepository(StaffUser).findOneBy({ id: link.staffId });
    if (!staff) throw staffError('link_invalid');
    const refusal = link.usedAt
      ? 'used'
      : link.cancelledAt
        ? 'replaced'
        : link.expiresAt <= this.clock.now()
          ? 'expired'
          : !staff.active
            ? 'disabled'
            : null;
    if (refusal) {
      await this.audit.recordAlone({
        actor: null,
        meta,
        action: 'staff.enrolment.refused',
        outcome: 'denied',
        targetType: 'staff',
        targetId: staff.id,
        reason: refusal,
        after: { purpose: link.purpose, enrolmentId: link.id },
      });
      throw staffError(refusal === 'expired' ? 'link_expired' : 'link_revoked');
    }
    return { link, staff };
  }
}
