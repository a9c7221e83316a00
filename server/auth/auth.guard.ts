import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { checkIdParams } from '../core/http/id-params';
import { authError } from './auth.errors';
import { ActorRequest, requestMeta } from './actor';
import { defineAbilityFor } from './permissions';
import { ROUTE_POLICY, RoutePolicy } from './policy.decorator';
import { SessionService } from './session.service';

const SESSION_REFUSALS = {
  missing: 'session_missing',
  expired: 'session_expired',
  disabled: 'staff_disabled',
} as const;

/**
 * Global guard: deny by default. Public routes pass; others need a live session and, where declared, a permission.
 * Then the path's ids are checked (checkIdParams).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) throw authError('route_closed');
    if (policy.kind === 'public') {
      checkIdParams(context, this.reflector);
      return true;
    }

    const req = context.switchToHttp().getRequest<ActorRequest>();
    const resolved = await this.sessions.resolve(
      (req.cookies as Record<string, string | undefined> | undefined)?.[this.sessions.cookieName],
    );
    if (typeof resolved === 'string') throw authError(SESSION_REFUSALS[resolved]);

    const { user, session } = resolved;
    const ability = defineAbilityFor({ id: user.id, roles: user.roles });
    req.actor = {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      sessionId: session.id,
      ability,
      meta: requestMeta(req),
    };

    if (policy.kind === 'permission' && !ability.can(policy.action, policy.subject)) {
      throw authError('permission_denied');
    }
    // Path ids are checked once the permission has answered, so a refused person learns nothing from a 404.
    checkIdParams(context, this.reflector);
    return true;
  }
}
