import type { DatabaseSchema } from './core/database/data-source';
import { AuditCheckpoint } from './audit/audit-checkpoint.entity';
import { AuditEvent } from './audit/audit-event.entity';
import { StaffSession } from './auth/staff-session.entity';
import { StaffUser } from './auth/staff-user.entity';
import { SecurityKeyChallenge } from './auth/webauthn/security-key-challenge.entity';
import { SecurityKeyReset } from './auth/webauthn/security-key-reset.entity';
import { StaffSecurityKey } from './auth/webauthn/staff-security-key.entity';
import { MfaResetRequest } from './staff/mfa-reset-request.entity';
import { RoleRequest } from './staff/role-request.entity';
import { StaffEnrolment } from './staff/staff-enrolment.entity';
import { CallScript } from './accounts/call-script.entity';
import { CallerVerification } from './accounts/caller-verification.entity';
import { CustomerAccount } from './accounts/customer-account.entity';
import { SecurityEvent } from './accounts/security-event.entity';
import { TwoFactorMethod } from './accounts/two-factor-method.entity';
import { VerificationCheck } from './accounts/verification-check.entity';
import { VerificationCode } from './accounts/verification-code.entity';
import { CaseDocument } from './documents/case-document.entity';
import { IdentityCase } from './documents/identity-case.entity';
import { OutboxMessage } from './notifications/outbox-message.entity';
import { RecoveryCase } from './recovery/recovery-case.entity';
import { RecoveryLink } from './recovery/recovery-link.entity';
import { Alert } from './supervision/alert.entity';
import { ScanCursor } from './supervision/scan-cursor.entity';
import { SavedAuditSearch } from './supervision/saved-audit-search.entity';
import { LimitHit } from './core/limits/limit-hit.entity';
import { WebhookCursor } from './events/webhook-cursor.entity';
import { StaffOidcLink } from './auth/oidc/staff-oidc-link.entity';
import { migrations } from '../migrations';

/** Every entity and migration of the product, listed once (no globs: the same list works compiled and under jest). */
export const schema: DatabaseSchema = {
  entities: [
    StaffUser,
    StaffSession,
    AuditEvent,
    AuditCheckpoint,
    CustomerAccount,
    TwoFactorMethod,
    SecurityEvent,
    CallerVerification,
    VerificationCode,
    VerificationCheck,
    OutboxMessage,
    IdentityCase,
    CaseDocument,
    RecoveryCase,
    RecoveryLink,
    Alert,
    ScanCursor,
    MfaResetRequest,
    StaffEnrolment,
    RoleRequest,
    LimitHit,
    CallScript,
    SavedAuditSearch,
    WebhookCursor,
    StaffOidcLink,
    StaffSecurityKey,
    SecurityKeyChallenge,
    SecurityKeyReset,
  ],
  migrations,
};
