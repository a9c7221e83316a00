import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { IdentityCase } from './identity-case.entity';

/** What became of a verified case's next step: the recovery case opened, or why none could be. */
export type CaseVerifiedOutcome = { opened: true; recoveryCaseId: string; mailIds: string[] } | { opened: false; reason: string };

/**
 * Called inside the reviewer's transaction when a documents case becomes verified, with that transaction's
 * EntityManager: a higher module (recovery) opens the action the documents were sent for, so the verified case
 * never waits for someone to think of it. Must not throw for a business reason (it answers opened: false).
 */
export interface CaseVerifiedPort {
  onVerified(m: EntityManager, c: IdentityCase, reviewer: Actor): Promise<CaseVerifiedOutcome>;
}

/**
 * The registry documents/ owns and recovery/ fills at boot (documents must not import recovery). With nothing
 * registered the case is verified and nothing more happens.
 */
@Injectable()
export class CaseVerifiedHook {
  private port: CaseVerifiedPort | null = null;

  register(port: CaseVerifiedPort): void {
    this.port = port;
  }

  async run(m: EntityManager, c: IdentityCase, reviewer: Actor): Promise<CaseVerifiedOutcome> {
    return this.port ? this.port.onVerified(m, c, reviewer) : { opened: false, reason: 'no recovery module' };
  }
}
