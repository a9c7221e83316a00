import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from './auth/policy.decorator';
import { HealthService } from './health.service';
import type { State } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly probes: HealthService) {}

  @Get()
  @Public('load balancers and monitors probe it without a session; it reveals only up/down states')
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'error'; database: State; redis: State }> {
    const { database, redis } = await this.probes.probe();
    const ok = database === 'up' && redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', database, redis };
  }
}
