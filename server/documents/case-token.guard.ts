import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CasesService } from './cases.service';
import type { IdentityCase } from './identity-case.entity';

type CaseRequest = Request & { identityCase?: IdentityCase };

/**
 * The customer's case token, checked before anything reads the request's body. On the upload route the body is
 * up to UPLOAD_MAX_FILES files of UPLOAD_MAX_MB each, held in memory by multer: checked in the handler, as it
 * was, a request with no valid token had the API receive and keep its whole body before being refused. A guard
 * runs before the route's interceptors (multer), so a wrong token is refused at once (404, like an unknown case)
 * and the rest of the body is discarded unread by Node.
 */
@Injectable()
export class CaseTokenGuard implements CanActivate {
  constructor(private readonly cases: CasesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<CaseRequest>();
    req.identityCase = await this.cases.byToken(String(req.params.id), req.header('x-case-token'));
    return true;
  }
}

/** The case CaseTokenGuard found for this request's token. */
export const TokenCase = createParamDecorator((_: unknown, ctx: ExecutionContext): IdentityCase => {
  const found = ctx.switchToHttp().getRequest<CaseRequest>().identityCase;
  if (!found) throw new Error('TokenCase used on a route without CaseTokenGuard');
  return found;
});
