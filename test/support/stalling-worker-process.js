// A worker process that takes one job of a queue and hangs on it until it is killed: a worker crashing mid-job.
// Plain JavaScript so that it starts in a fraction of a second; it prints "took <job id>" once it holds the job.
const { Worker } = require('bullmq');
const { Redis } = require('ioredis');

const connection = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
new Worker(
  process.env.QUEUE,
  async (job) => {
    process.stdout.write(`took ${job.id}\n`);
    await new Promise(() => undefined);
  },
  { connection, prefix: process.env.QUEUE_PREFIX, concurrency: 1, lockDuration: 1000, stalledInterval: 1000 },
);
