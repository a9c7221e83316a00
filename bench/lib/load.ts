/**
 * The load generator every HTTP benchmark shares: autocannon in a child process (this file, forked), so that the
 * load does not share an event loop with the harness or with a server it measures. GET requests over `paths` in
 * turn; latencies are kept for every 2xx answer, so the percentiles are exact (not autocannon's histogram buckets).
 */
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { latencies } from './stats';

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
  /** Seconds of load. */
  duration: number;
  /** Every 2xx latency, ms, so that measurements of one side can be pooled (`pooled`). */
  times: number[];
}

/** A result from 2xx latencies over `duration` seconds. */
function resultOf(times: number[], duration: number, requests: number, failures: number): LoadResult {
  const l = latencies(times);
  return { rps: times.length / duration, p50: l.p50, p95: l.p95, p99: l.p99, requests, failures, duration, times };
}

/** Several measurements of one side as one: their latencies together, throughput over their summed time. */
export function pooled(results: readonly LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number) => results.reduce((n, r) => n + f(r), 0);
  return resultOf(
    results.flatMap((r) => r.times),
    sum((r) => r.duration),
    sum((r) => r.requests),
    sum((r) => r.failures),
  );
}

/**
 * One paired round of two sides in alternating slices, `first` opening the round: A B B A A B … (`slices` of
 * `seconds` each per side). On the shared hosts these benchmarks run on, the speed changes from one spell of a
 * few seconds to the next; measured one side after the other (8–10 s each), such a spell fell on one side of a pair
 * and moved its ratio alone (S2 on 2026-12-02: one round's lookup side ran in a quiet spell, p95 20.7 ms against
 * 24–28 in the others, and that round alone crossed the goal). Sliced, such a spell falls on both sides.
 * `measure(side, seconds)` runs one slice; the result is each side's slices, in order, for the caller to pool.
 */
export async function alternate<K extends string, T>(
  first: K,
  second: K,
  slices: number,
  seconds: number,
  measure: (side: K, seconds: number) => Promise<T>,
): Promise<Record<K, T[]>> {
  const got = { [first]: [] as T[], [second]: [] as T[] } as Record<K, T[]>;
  for (let i = 0; i < slices; i += 1) {
    const order = i % 2 === 0 ? [first, second] : [second, first];
    for (const side of order) got[side].push(await measure(side, seconds));
  }
  return got;
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
  return resultOf(times, job.duration, result.requests.total, result.non2xx + result.errors + result.timeouts);
}

if (require.main === module && process.argv.includes('--load-child')) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (e: unknown) => process.send!({ error: e instanceof Error ? e.message : String(e) }, () => process.exit(1)),
    );
  });
}
