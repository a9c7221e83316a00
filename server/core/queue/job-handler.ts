import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './jobs';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider as the one handler of a job. Handlers must be idempotent and do nothing when their row is gone. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export interface JobHandlerOf<N extends JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}
