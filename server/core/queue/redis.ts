import { Redis, RedisOptions } from 'ioredis';

/**
 * Producers fail fast when Redis is down (no offline queue) so the API answers 503 at once instead of hanging;
 * workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null).
 */
export function createRedis(url: string, role: 'producer' | 'worker' | 'probe'): Redis {
  const base: RedisOptions = {
    lazyConnect: false,
    connectTimeout: 2000,
    // Reconnect attempts stay close together so that health and the queues see Redis back within a second.
    retryStrategy: (times) => Math.min(times * 100, 500),
  };
  const options: RedisOptions =
    role === 'worker'
      ? { ...base, maxRetriesPerRequest: null }
      : role === 'producer'
        ? { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false }
        : { ...base, maxRetriesPerRequest: 0, enableOfflineQueue: false, commandTimeout: 1000 };
  const redis = new Redis(url, options);
  // ioredis reports connection errors as events; the health check and callers see the state, not a crash.
  redis.on('error', () => undefined);
  return redis;
}
