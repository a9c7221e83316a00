import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { generateSecret } from 'otplib';
import { DataSource } from 'typeorm';
import { StaffRole, StaffUser } from '../../server/staff/staff-user.entity';

export interface TestStaff {
  user: StaffUser;
  email: string;
  password: string;
  secret: string;
}

let passwordHash: Promise<string> | undefined;
const TEST_PASSWORD = 'Test-Passw0rd!';

/** A staff member of its own for each test (unique email, own TOTP secret). */
export async function createStaff(ds: DataSource, roles: StaffRole[], overrides: Partial<StaffUser> = {}): Promise<TestStaff> {
  passwordHash ??= argon2.hash(TEST_PASSWORD);
  const secret = generateSecret();
  const email = `${roles.join('-') || 'nobody'}-${randomBytes(5).toString('hex')}@staff.test`;
  const user = await ds.getRepository(StaffUser).save(
    ds.getRepository(StaffUser).create({
      email, name: `Test ${roles.join(' ')}`, roles, active: true, passwordHash: await passwordHash, totpSecret: secret, ...overrides,
    }),
  );
  return { user, email, password: TEST_PASSWORD, secret };
}

export const uniqueId = () => randomUUID();
