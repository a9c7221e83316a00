import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { until } from './wait';

/** Starts a worker process that takes the next job of `queue`, waits until it holds `jobId`, then SIGKILLs it. */
export async function killWorkerHolding(redisUrl: string, queuePrefix: string, queue: string, jobId: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(__dirname, 'stalling-worker-process.js')], {
    env: { ...process.env, REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix, QUEUE: queue },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  try {
    await until(async () => out.includes(`took ${jobId}`), 20_000);
  } finally {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }
}
