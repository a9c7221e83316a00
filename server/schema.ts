import type { DatabaseSchema } from './core/database/data-source';
import { AuditCheckpoint } from './audit/audit-checkpoint.entity';
import { AuditEvent } from './audit/audit-event.entity';
import { StaffSession } from './auth/staff-session.entity';
import { StaffUser } from './staff/staff-user.entity';
import { migrations } from '../migrations';

/** Every entity and migration of the product, listed once (no globs: the same list works compiled and under jest). */
export const schema: DatabaseSchema = {
  entities: [StaffUser, StaffSession, AuditEvent, AuditCheckpoint],
  migrations,
};
