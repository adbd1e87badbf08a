import Redis from 'ioredis';

/**
 * A connection BullMQ can block on: `maxRetriesPerRequest: null` lets commands wait out a Redis
 * restart instead of failing the job (BullMQ requires it for workers).
 */
export function createRedisConnection(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, enableReadyCheck: true });
}

export function describeRedis(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}
