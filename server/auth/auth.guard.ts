import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../core/http/errors';
import { ActorRequest, requestMeta } from './actor';
import { defineAbilityFor } from './permissions';
import { ROUTE_POLICY, RoutePolicy } from './policy.decorator';
import { SessionService } from './session.service';

const SESSION_MESSAGES = {
  missing: 'Sign in to continue',
  expired: 'Your session has expired; sign in again',
  disabled: 'This staff account is disabled',
} as const;

/** Global guard: deny by default. Public routes pass; others need a live session and, where declared, a permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) throw new DomainError('forbidden', 'This route declares no permission and is closed');
    if (policy.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<ActorRequest>();
    const resolved = await this.sessions.resolve(req.cookies?.[this.sessions.cookieName]);
    if (typeof resolved === 'string') throw new DomainError('unauthenticated', SESSION_MESSAGES[resolved]);

    const { user, session } = resolved;
    const ability = defineAbilityFor({ id: user.id, roles: user.roles });
    req.actor = { id: user.id, email: user.email, name: user.name, roles: user.roles, sessionId: session.id, ability, meta: requestMeta(req) };

    if (policy.kind === 'permission' && !ability.can(policy.action, policy.subject)) {
      throw new DomainError('forbidden', 'You do not have permission to do this');
    }
    return true;
  }
}
