import type { EntityManager } from 'typeorm';
import { TwoFactorMethod } from './two-factor-method.entity';

// The accounts module's reads beyond a findOneBy. They take the caller's EntityManager, so a read made inside a
// write's transaction stays inside it (pass `dataSource.manager` outside one).

/** The account's 2FA methods, oldest first. */
export function twoFactorMethodsOf(m: EntityManager, accountId: string): Promise<TwoFactorMethod[]> {
  return m.getRepository(TwoFactorMethod).find({ where: { accountId }, order: { createdAt: 'ASC' } });
}
