export type AccountType = 'individual' | 'company' | 'association' | 'public_administration' | 'sole_trader';
export type AccountStatus = 'active' | 'locked';

/** One search result, `GET /api/accounts?q=`: contact data masked (`p***@e***.com`, `+33 6 ** ** ** 12`). */
export interface AccountSummary {
  id: string;
  customerId: string;
  accountType: AccountType | string;
  name: string;
  companyName: string | null;
  primaryEmail: string | null;
  phone: string | null;
  city: string;
  country: string;
  status: AccountStatus | string;
  hasBackupEmail: boolean;
  /** How the search found it: the query's shape, or for a name all its words or a similar spelling. */
  match?: 'customer_id' | 'email' | 'phone' | 'words' | 'similar';
}

export type TwoFactorKind = 'totp' | 'security_key' | 'sms' | 'backup_codes';

export interface TwoFactorMethod {
  id: string;
  kind: TwoFactorKind | string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  codesLeft: number | null;
}

/** `GET /api/accounts/:id`: the account page, masked. */
export interface AccountDetail extends AccountSummary {
  legalRepresentative: string | null;
  backupEmail: string | null;
  addressLine: string | null;
  postalCode: string | null;
  language: string;
  flags: string[];
  backupEmailRequired: boolean;
  /** Set by a 2FA disablement: the customer must register a new method. */
  twoFactorReenrolRequired?: boolean;
  /** Set while the account is locked (on request, or by a "this was not me" report). */
  lockedAt: string | null;
  lockReason: string | null;
  twoFactorEnabled: boolean;
  twoFactorMethods: TwoFactorMethod[];
  openCases: unknown[];
  masked: true;
  createdAt: string;
}

/** `POST /api/accounts/:id/unmask`: the contact data in full, for the agent of a verified call. */
export interface UnmaskedContact {
  id: string;
  customerId: string;
  primaryEmail: string;
  backupEmail: string | null;
  phone: string | null;
  addressLine: string;
  postalCode: string;
  city: string;
  country: string;
  masked: false;
}

export const SECURITY_EVENT_KINDS = [
  'login',
  'login_failed',
  'login_code_sent',
  'password_reset_sent',
  'password_changed',
  '2fa_enabled',
  '2fa_disabled',
  '2fa_method_added',
  '2fa_method_removed',
  'contact_email_changed',
  'backup_email_changed',
  'customer_id_reminder_sent',
  'verification_code_sent',
] as const;

/** One entry of the account's security timeline, `GET /api/accounts/:id/events`. */
export interface SecurityEvent {
  id: string;
  at: string;
  kind: (typeof SECURITY_EVENT_KINDS)[number] | string;
  channel: string;
  destination: string | null;
  detail: string | null;
}

export type CodeChannel = 'backup_email' | 'primary_email';
export type StatedField = 'backup_email' | 'phone' | 'postal_code';
export const STATED_FIELDS: StatedField[] = ['backup_email', 'phone', 'postal_code'];
export type CheckResult = 'match' | 'no_match' | 'expired' | 'locked' | 'no_value_on_file';

/** The checks of one call, `GET /api/verifications/:id`. */
export interface Verification {
  id: string;
  accountId: string;
  callReference: string;
  startedAt: string;
  expiresAt: string;
  expired: boolean;
  possessionProven: CodeChannel[];
  locked: boolean;
  codeAttemptsLeft: number;
  statedAttemptsLeft: Record<StatedField, number>;
  activeCode: { channel: CodeChannel; destination: string; expiresAt: string } | null;
  checks: { at: string; kind: 'code' | 'stated_value'; subject: string; result: CheckResult }[];
}

export interface CodeSent {
  codeId: string;
  channel: CodeChannel;
  destination: string;
  expiresAt: string;
}

export interface CodeCheck {
  result: Exclude<CheckResult, 'no_value_on_file'>;
  attemptsLeft: number;
  possessionProven: CodeChannel[];
}

export interface StatedCheck {
  field: StatedField;
  result: Exclude<CheckResult, 'expired' | 'locked'>;
  attemptsLeft: number;
}
