import { DynamicModule, Global, Module } from '@nestjs/common';
import { MetricsServer } from './metrics-server';
import { MetricsService } from './metrics.service';
import { STATE_METRICS_OPTIONS, StateMetrics, StateMetricsOptions } from './state-metrics';

/**
 * Prometheus metrics for every role: the registry, the state gauges and the metrics port (MetricsServer). The
 * api role also feeds the request log's latency histogram (createHttpApp asks MetricsService for its observer).
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: StateMetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: STATE_METRICS_OPTIONS, useValue: options }, MetricsService, StateMetrics, MetricsServer],
      exports: [MetricsService, MetricsServer],
    };
  }
}
