/**
 * The load generator every HTTP benchmark shares: autocannon in a child process (this file, forked), so that the
 * load does not share an event loop with the harness or with a server it measures. GET requests over `paths` in
 * turn; latencies are kept for every 2xx answer, so the percentiles are exact (not autocannon's histogram buckets).
 */
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { percentile } from './stats';

export interface LoadJob {
  /** The server's origin, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Request paths (with their query strings), used in turn. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  /** 2xx answers per second. */
  rps: number;
  /** Latencies of the 2xx answers, ms. */
  p50: number;
  p95: number;
  p99: number;
  /** Every request sent (answered or not). */
  requests: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failures: number;
}

/** Runs one load job in a child process and resolves with its result. */
export function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--load-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | undefined;
    let error: string | undefined;
    child.on('message', (m: { result?: LoadResult; error?: string }) => {
      error = m.error;
      result = m.result;
    });
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(error ?? `the load generator exited with ${code}`))));
    child.send(job);
  });
}

async function runLoad(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.duration,
        headers: job.headers ?? {},
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: job.paths[next++ % job.paths.length] }) }],
      },
      (err, res) => (err ? reject(err as Error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    rps: times.length / job.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

if (require.main === module && process.argv.includes('--load-child')) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (e: unknown) => process.send!({ error: e instanceof Error ? e.message : String(e) }, () => process.exit(1)),
    );
  });
}
