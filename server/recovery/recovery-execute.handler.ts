import { Injectable } from '@nestjs/common';
import { SYSTEM_META } from '../audit/audit.types';
import { DomainError } from '../core/http/errors';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import type { JobPayloads } from '../core/queue/jobs';
import { RecoveryService } from './recovery.service';

/** The end of a hold: executes the case if it is still on hold; otherwise (cancelled meanwhile) does nothing. */
@Injectable()
@JobHandler('recovery.execute')
export class RecoveryExecuteHandler implements JobHandlerOf<'recovery.execute'> {
  constructor(private readonly recovery: RecoveryService) {}

  async handle(payload: JobPayloads['recovery.execute']): Promise<{ status: string }> {
    const c = await this.recovery.load(payload.recoveryCaseId).catch(() => null);
    if (!c || c.status !== 'on_hold') return { status: c?.status ?? 'gone' };
    // A refusal (hold not over, mail to the old address not accepted yet) throws: the job retries with backoff.
    // A locked account is no failure: the job ends, the case stays on hold, and the reconciler (which enqueues
    // again every case past its hold without a live job) runs it on its first pass after a supervisor unlocks.
    const done = await this.recovery.execute(null, c.id, SYSTEM_META).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'accounts.locked') return null;
      throw e;
    });
    return { status: done ? done.status : 'waiting_unlock' };
  }
}
