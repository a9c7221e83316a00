import type { EntityManager } from 'typeorm';
import { SecurityKeyReset } from './security-key-reset.entity';
import { StaffSecurityKey } from './staff-security-key.entity';

// The security keys' reads beyond a findOneBy. They take the caller's EntityManager (`dataSource.manager` outside a
// transaction).

/** A member's keys, oldest first (the order they enrolled them in). */
export function keysOf(m: EntityManager, staffId: string): Promise<StaffSecurityKey[]> {
  return m.getRepository(StaffSecurityKey).find({ where: { staffId }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/** Key resets waiting for a second admin, oldest first. */
export function openKeyResets(m: EntityManager): Promise<SecurityKeyReset[]> {
  return m
    .getRepository(SecurityKeyReset)
    .createQueryBuilder('r')
    .where('r.confirmed_at IS NULL AND r.cancelled_at IS NULL')
    .orderBy('r.created_at', 'ASC')
    .getMany();
}
