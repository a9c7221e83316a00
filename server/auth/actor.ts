import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuditActor, RequestMeta } from '../audit/audit.types';
import type { StaffRole } from './staff-user.entity';
import type { AppAbility } from './permissions';

/** The signed-in staff member of this request, loaded fresh from the database on every request. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  sessionId: string;
  ability: AppAbility;
  meta: RequestMeta;
}

export type ActorRequest = Request & { actor?: Actor; id?: string | number };

export function requestMeta(req: ActorRequest): RequestMeta {
  return { ip: req.ip ?? null, requestId: req.id !== undefined ? String(req.id) : null };
}

export function auditActor(actor: Actor): AuditActor {
  return { id: actor.id, email: actor.email, roles: actor.roles };
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<ActorRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated policy');
  return actor;
});

export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta =>
  requestMeta(ctx.switchToHttp().getRequest<ActorRequest>()),
);
