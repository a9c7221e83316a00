import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueService } from './core/queue/queue.service';

export type State = 'up' | 'down';

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
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
}
