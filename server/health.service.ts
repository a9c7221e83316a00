import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { DataSource, MigrationExecutor } from 'typeorm';
import { QueueService } from './core/queue/queue.service';

export type State = 'up' | 'down';

/** How long a readiness check waits for each dependency. */
const CHECK_TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

/** The probes answer anyone: a dependency's own error (its address, its port) is replaced by one word. */
const unreachable = (): never => {
  throw new Error('unreachable');
};

@Injectable()
export class HealthService {
  /** Migrations only move forward: once this process has seen its schema applied, it stops asking. */
  private schemaCurrent = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly checks: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async probe(): Promise<{ database: State; redis: State }> {
    const [database, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 1500).then(
        (): State => 'up',
        (): State => 'down',
      ),
      withTimeout(this.queues.ping(), 1500).then(
        (): State => 'up',
        (): State => 'down',
      ),
    ]);
    return { database, redis };
  }

  /**
   * Readiness (terminus): PostgreSQL answers, Redis answers, and every migration this code knows is applied. Not
   * ready: the result names the checks that failed, for a 503. While the app shuts down terminus answers
   * `shutting_down` (503 too), so a load balancer stops sending requests before the port closes.
   */
  async ready(): Promise<{ ready: boolean; result: HealthCheckResult }> {
    try {
      const result = await this.checks.check([
        () =>
          this.indicators
            .check('database')
            .attempt(() => this.dataSource.query('SELECT 1').then(() => undefined, unreachable))
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('redis')
            .attempt(() => this.queues.ping().catch(unreachable))
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('migrations')
            .attempt(() => this.migrationsApplied())
            .withTimeout(CHECK_TIMEOUT_MS),
      ]);
      return { ready: true, result };
    } catch (e) {
      if (e instanceof ServiceUnavailableException) return { ready: false, result: e.getResponse() as HealthCheckResult };
      throw e;
    }
  }

  private async migrationsApplied(): Promise<void> {
    if (this.schemaCurrent) return;
    const pending = await new MigrationExecutor(this.dataSource).getPendingMigrations().catch(unreachable);
    if (pending.length) throw new Error(`${pending.length} not applied`);
    this.schemaCurrent = true;
  }
}
