import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Action, SubjectName } from './permissions';

/** Every route declares exactly one policy; a route without one is refused (and fails the route test). */
export type RoutePolicy =
  { kind: 'public'; reason: string } | { kind: 'authenticated' } | { kind: 'permission'; action: Action; subject: SubjectName };

export const ROUTE_POLICY = 'route-policy';

/** Open to anyone. The reason says why, in one line. */
export const Public = (reason: string) => SetMetadata(ROUTE_POLICY, { kind: 'public', reason } satisfies RoutePolicy);

/** Any signed-in staff member, whatever their roles (their own profile, logout). */
export const Authenticated = () => SetMetadata(ROUTE_POLICY, { kind: 'authenticated' } satisfies RoutePolicy);

/** Coarse check at the route; services add record-level checks on the loaded rows. */
export const RequirePermission = (action: Action, subject: SubjectName) =>
  applyDecorators(SetMetadata(ROUTE_POLICY, { kind: 'permission', action, subject } satisfies RoutePolicy));
