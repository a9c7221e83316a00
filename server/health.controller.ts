import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from './auth/policy.decorator';
import { QueueService } from './core/queue/queue.service';

type State = 'up' | 'down';

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  @Get()
  @Public('load balancers and monitors probe it without a session; it reveals only up/down states')
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'error'; database: State; redis: State }> {
    const [database, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 1500).then((): State => 'up', (): State => 'down'),
      withTimeout(this.queues.ping(), 1500).then((): State => 'up', (): State => 'down'),
    ]);
    const ok = database === 'up' && redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', database, redis };
  }
}
