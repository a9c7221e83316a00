import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MetricsService } from './metrics.service';

/**
 * The metrics' own HTTP server (node:http, one per process): GET /metrics and nothing else, on METRICS_HOST:
 * METRICS_PORT, never on the public API port, so the figures stay on the provider's network. A port already taken
 * stops a production boot (Prometheus would otherwise scrape another process under this one's name); elsewhere
 * (two dev servers, a benchmark beside a dev server) the process runs on without metrics and says so.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: http.Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  /** The bound address, null when metrics are off or could not bind. */
  get address(): AddressInfo | null {
    return this.server?.listening ? (this.server.address() as AddressInfo) : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.config.metrics;
    if (port === null) return;
    const server = http.createServer((req, res) => void this.answer(req, res));
    // A scrape is one short request; nothing may hold a socket open for long.
    server.requestTimeout = 10_000;
    server.keepAliveTimeout = 5_000;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${(e as Error).message})`;
      const message = `METRICS_PORT ${port} on ${host} ${why}: give each process on a host its own METRICS_PORT, or set it to off`;
      if (this.config.nodeEnv === 'production') throw new Error(message, { cause: e });
      this.logger.warn(`${message}; running without metrics`);
      return;
    }
    server.on('error', (e) => this.logger.error(`metrics server: ${e.message}`));
    this.server = server;
    const bound = server.address() as AddressInfo;
    this.logger.log(`Prometheus metrics at http://${host}:${bound.port}/metrics`);
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return void res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method Not Allowed\n');
    }
    try {
      const body = await this.metrics.text();
      res.writeHead(200, { 'Content-Type': this.metrics.contentType, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      this.logger.error(`metrics scrape failed: ${(e as Error).message}`);
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Metrics unavailable\n');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
