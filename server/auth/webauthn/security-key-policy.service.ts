import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { RequestMeta } from '../../audit/audit.types';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { LOGIN_FAILED, LOGIN_TARGET } from '../login-throttle.service';
import type { StaffUser } from '../staff-user.entity';
import { keyRequiredFor } from './key-policy';
import { StaffSecurityKey } from './staff-security-key.entity';
import { webauthnError } from './webauthn.errors';

/**
 * SECURITY_KEY_REQUIRED_ROLES at the password + code sign-in (AuthService): a member holding such a role never gets
 * a session from a code. One who has a key is told to use it; one who has none yet (new in the role, or after a key
 * reset) may use their password and code once to enrol a first key (SecurityKeyLoginService), then signs in with it.
 */
@Injectable()
export class SecurityKeyPolicy {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async refuse(email: string, meta: RequestMeta, reason: string): Promise<void> {
    await this.audit.recordAlone({
      actor: null,
      meta,
      action: LOGIN_FAILED,
      outcome: 'failure',
      targetType: LOGIN_TARGET,
      targetId: email,
      reason,
    });
  }

  hasKey(staffId: string): Promise<boolean> {
    return this.dataSource.getRepository(StaffSecurityKey).existsBy({ staffId });
  }

  /**
   * Once the password is right, before the code is checked: refuses a member who must use a key and has one.
   * Returns true when they must use a key but have none yet: a right code then leads to `refuseFirstKey`.
   */
  async beforeCode(user: StaffUser, email: string, meta: RequestMeta): Promise<boolean> {
    if (!keyRequiredFor(this.config, user.roles)) return false;
    if (!(await this.hasKey(user.id))) return true;
    await this.refuse(email, meta, 'security key required');
    throw webauthnError('key_required');
  }

  /** The password and code were right, and the code is left unspent: the console sends them to enrol the first key. */
  async refuseFirstKey(email: string, meta: RequestMeta): Promise<never> {
    await this.refuse(email, meta, 'security key required: none enrolled yet');
    throw webauthnError('key_enrolment_required');
  }
}
