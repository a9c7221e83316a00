import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { generateSecret } from 'otplib';
import { DataSource } from 'typeorm';
import { CustomerAccount } from '../../server/accounts/customer-account.entity';
import { SecurityEvent, SecurityEventKind } from '../../server/accounts/security-event.entity';
import { IdentityCase } from '../../server/documents/identity-case.entity';
import { StaffRole, StaffUser } from '../../server/auth/staff-user.entity';

export interface TestStaff {
  user: StaffUser;
  email: string;
  password: string;
  secret: string;
}

let passwordHash: Promise<string> | undefined;
/** Every test member's password (createStaff). */
export const TEST_PASSWORD = 'Test-Passw0rd!';

/** A staff member of its own for each test (unique email, own TOTP secret). */
export async function createStaff(ds: DataSource, roles: StaffRole[], overrides: Partial<StaffUser> = {}): Promise<TestStaff> {
  passwordHash ??= argon2.hash(TEST_PASSWORD);
  const secret = generateSecret();
  const email = `${roles.join('-') || 'nobody'}-${randomBytes(5).toString('hex')}@staff.test`;
  const user = await ds.getRepository(StaffUser).save(
    ds.getRepository(StaffUser).create({
      email,
      name: `Test ${roles.join(' ')}`,
      roles,
      active: true,
      passwordHash: await passwordHash,
      totpSecret: secret,
      ...overrides,
    }),
  );
  return { user, email, password: TEST_PASSWORD, secret };
}

export const uniqueId = () => randomUUID();

let accountSeq = 0;

/** A customer account of its own for each test (unique customer ID and emails). */
export async function createAccount(ds: DataSource, overrides: Partial<CustomerAccount> = {}): Promise<CustomerAccount> {
  accountSeq += 1;
  const n = `${process.pid % 1000}${Date.now() % 100000}${accountSeq}`.slice(-9);
  const repo = ds.getRepository(CustomerAccount);
  return repo.save(
    repo.create({
      customerId: `tt${n}-ovh`,
      accountType: 'individual',
      name: 'Pierre Dupont',
      companyName: null,
      legalRepresentative: null,
      primaryEmail: `pierre.${n}@example.com`,
      backupEmail: `secours.${n}@example.net`,
      phone: `+3361${n.slice(-7).padStart(7, '0')}`,
      addressLine: '12 rue de la Paix',
      postalCode: '75002',
      city: 'Paris',
      country: 'FR',
      language: 'fr',
      status: 'active',
      flags: [],
      ...overrides,
    }),
  );
}

/** A verified identity-documents case, as the review leaves it (the documents flow itself is tested on its own). */
export async function createVerifiedIdentityCase(
  ds: DataSource,
  account: CustomerAccount,
  purpose: 'replace_email' | 'disable_2fa',
  overrides: Partial<IdentityCase> = {},
): Promise<IdentityCase> {
  const repo = ds.getRepository(IdentityCase);
  const now = new Date();
  return repo.save(
    repo.create({
      accountId: account.id,
      customerIdGiven: account.customerId,
      accountType: account.accountType,
      purpose,
      status: 'verified',
      contactEmail: `new.${account.customerId.replace('-ovh', '')}@example.org`,
      contactEmailConfirmedAt: now,
      emailCodeFailures: 0,
      channel: 'customer_form',
      openedBy: null,
      reviewerId: null,
      fraudFlags: [],
      rejectionReason: null,
      createdIp: null,
      collectUntil: new Date(now.getTime() + 86_400_000),
      submittedAt: now,
      claimedAt: now,
      decidedAt: now,
      ...overrides,
    }),
  );
}

/** One entry of an account's security timeline, as the provider's sign-in side writes it (destination masked). */
export async function createSecurityEvent(
  ds: DataSource,
  account: CustomerAccount,
  kind: SecurityEventKind,
  overrides: Partial<SecurityEvent> = {},
): Promise<SecurityEvent> {
  const repo = ds.getRepository(SecurityEvent);
  return repo.save(
    repo.create({
      accountId: account.id,
      at: new Date(),
      kind,
      channel: 'email',
      destinationMasked: null,
      detail: null,
      ip: null,
      ...overrides,
    }),
  );
}
