import { Injectable } from '@nestjs/common';
import { JobHandler, JobHandlerOf } from '../core/queue/job-handler';
import { SessionService } from './session.service';

@Injectable()
@JobHandler('sessions.sweep')
export class SessionSweepHandler implements JobHandlerOf<'sessions.sweep'> {
  constructor(private readonly sessions: SessionService) {}

  async handle(): Promise<{ removed: number }> {
    return { removed: await this.sessions.sweep() };
  }
}
