import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { StaffRole, StaffUser } from '../auth/staff-user.entity';

/** Development-only logins. Their password and TOTP secret are public: production refuses SEED_DEMO. */
export const DEMO_PASSWORD = 'Demo-Passw0rd!';
export const DEMO_TOTP_SECRET = 'DEMODEMODEMODEMODEMODEMODEMODEMO';

export const DEMO_STAFF: { email: string; name: string; roles: StaffRole[] }[] = [
  { email: 'agent@example.test', name: 'Alice Agent', roles: ['agent'] },
  { email: 'reviewer@example.test', name: 'Rémi Reviewer', roles: ['reviewer'] },
  { email: 'supervisor@example.test', name: 'Sophie Supervisor', roles: ['supervisor'] },
  { email: 'admin@example.test', name: 'Adam Admin', roles: ['admin'] },
];

/** Creates the demo staff that do not exist yet; leaves existing ones (and their changes) alone. */
export async function seedDemoStaff(ds: DataSource): Promise<number> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD);
  const result = await ds
    .createQueryBuilder()
    .insert()
    .into(StaffUser)
    .values(DEMO_STAFF.map((s) => ({ ...s, active: true, passwordHash, totpSecret: DEMO_TOTP_SECRET })))
    .orIgnore()
    .execute();
  return result.identifiers.filter(Boolean).length;
}
