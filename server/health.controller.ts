import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Public } from './auth/policy.decorator';
import { HealthService } from './health.service';
import type { State } from './health.service';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: State;
  @ApiProperty({ enum: ['up', 'down'] }) redis: State;
}

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

/** One check of the readiness answer: `up` or `down`, with why (`unreachable`, a timeout, migrations not applied). */
export class ReadinessCheck {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ description: 'Milliseconds the check took' }) responseTime?: number;
}

const CHECKS = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(ReadinessCheck) },
  description: 'By check name: database, redis, migrations',
} as const;

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status: string;
  @ApiPropertyOptional({ ...CHECKS, description: 'The checks that passed' }) info?: Record<string, ReadinessCheck>;
  @ApiPropertyOptional({ ...CHECKS, description: 'The checks that failed' }) error?: Record<string, ReadinessCheck>;
  @ApiProperty(CHECKS) details: Record<string, ReadinessCheck>;
}

@ApiTags('health')
@ApiExtraModels(ReadinessCheck)
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

  @Get('live')
  @Public('the orchestrator probes it without a session; it says only that the process answers')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked, so an outage does not restart it)' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public('load balancers probe it without a session; it reveals only up/down states and why, in one word')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis reachable, migrations applied' })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({
    description: 'A check failed (named under `error`), or the process is shutting down',
    type: ReadinessResponse,
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessResponse> {
    const { ready, result } = await this.probes.ready();
    res.status(ready ? 200 : 503);
    return result as ReadinessResponse;
  }
}
