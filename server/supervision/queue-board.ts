import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { defineAbilityFor } from '../auth/permissions';
import { requestMeta } from '../auth/actor';
import type { ActorRequest } from '../auth/actor';
import { SessionService } from '../auth/session.service';
import { AuditService } from '../audit/audit.service';
import { QueueService } from '../core/queue/queue.service';

export const QUEUE_BOARD_PATH = '/api/admin/queues';

/**
 * BullMQ's dashboard (bull-board) for admins. It lives outside Nest's router, so it gets the same checks by hand:
 * a live session, the admin permission on Queue, and an audit entry for every action that changes a job.
 */
export function mountQueueBoard(app: INestApplication): void {
  const queues = app.get(QueueService);
  const sessions = app.get(SessionService);
  const audit = app.get(AuditService);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.allQueues().map((q) => new BullMQAdapter(q)), serverAdapter: adapter });

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const resolved = await sessions.resolve((req.cookies as Record<string, string | undefined> | undefined)?.[sessions.cookieName]);
      if (typeof resolved === 'string') return void res.status(401).json({ statusCode: 401, message: 'Sign in to continue' });
      const { user } = resolved;
      if (!defineAbilityFor({ id: user.id, roles: user.roles }).can('update', 'Queue')) {
        return void res.status(403).json({ statusCode: 403, message: 'You do not have permission to do this' });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        await audit.recordAlone({
          actor: { id: user.id, email: user.email, roles: user.roles },
          meta: requestMeta(req as ActorRequest),
          action: 'queue.admin',
          targetType: 'queue',
          targetId: req.path.split('/').filter(Boolean).slice(1, 2)[0] ?? null,
          after: { method: req.method, path: req.path },
        });
      }
      // bull-board's page runs its own inline bootstrap script.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
      );
      next();
    } catch (e) {
      next(e);
    }
  };
  app.use(QUEUE_BOARD_PATH, guard, adapter.getRouter());
}
