import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CaseVerifiedHook } from '../documents/case-verified.port';
import type { CaseVerifiedOutcome, CaseVerifiedPort } from '../documents/case-verified.port';
import type { IdentityCase } from '../documents/identity-case.entity';
import { RecoveryService } from './recovery.service';

/** Recovery's side of documents' CaseVerifiedPort: a verified case opens its action in the reviewer's transaction. */
@Injectable()
export class RecoveryOnVerified implements CaseVerifiedPort, OnModuleInit {
  constructor(
    private readonly hook: CaseVerifiedHook,
    private readonly recovery: RecoveryService,
  ) {}

  onModuleInit(): void {
    this.hook.register(this);
  }

  onVerified(m: EntityManager, c: IdentityCase, reviewer: Actor): Promise<CaseVerifiedOutcome> {
    return this.recovery.openOnVerified(m, c, reviewer);
  }
}
