import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/policy.decorator';
import { QueueService } from './queue/queue.service';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';

type State = 'up' | 'down';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: State;
  @ApiProperty({ enum: ['up', 'down'] }) redis: State;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  @Get()
  @Public('load balancers and monitors probe it without a session; it reveals only up/down states')
  @ApiOperation({ summary: 'Database and Redis up or down' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down', type: HealthResponse })
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
