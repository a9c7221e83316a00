import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from './auth/policy.decorator';
import { HealthService } from './health.service';
import type { State } from './health.service';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: State;
  @ApiProperty({ enum: ['up', 'down'] }) redis: State;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly probes: HealthService) {}

  @Get()
  @Public('load balancers and monitors probe it without a session; it reveals only up/down states')
  @ApiOperation({ summary: 'Database and Redis up or down' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down', type: HealthResponse })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const { database, redis } = await this.probes.probe();
    const ok = database === 'up' && redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', database, redis };
  }
}
