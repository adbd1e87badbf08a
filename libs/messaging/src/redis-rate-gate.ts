import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { GateAnswer, RateGate, RequestLimit } from '@watchfloor/sources';

/**
 * Each credential's request allowance, counted in Redis so every worker process draws on the same
 * one (rate-limiter-flexible's fixed windows), plus holds: after a 429 or an exhausted window no
 * worker asks the platform again before the time it gave.
 */
export class RedisRateGate implements RateGate {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(credentialKey: string, limit: RequestLimit): Promise<GateAnswer> {
    const heldFor = await this.redis.pttl(this.holdKey(credentialKey));
    if (heldFor > 0) return { allowed: false, retryAt: Date.now() + heldFor };
    try {
      await this.limiterFor(limit).consume(credentialKey, 1);
      return { allowed: true };
    } catch (error) {
      if (error instanceof RateLimiterRes) return { allowed: false, retryAt: Date.now() + error.msBeforeNext };
      throw error;
    }
  }

  async holdUntil(credentialKey: string, until: number): Promise<void> {
    const ms = Math.ceil(until - Date.now());
    if (ms <= 0) return;
    // Keeps the later of two holds: a short one must not cut a long one short.
    const current = Number(await this.redis.get(this.holdKey(credentialKey)));
    if (Number.isFinite(current) && current >= until) return;
    await this.redis.set(this.holdKey(credentialKey), String(until), 'PX', ms);
  }

  private holdKey(credentialKey: string): string {
    return `${this.prefix}:source-hold:${credentialKey}`;
  }

  private limiterFor(limit: RequestLimit): RateLimiterRedis {
    const name = `${limit.requests}-per-${limit.perSeconds}s`;
    let limiter = this.limiters.get(name);
    if (limiter === undefined) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:source-rate:${name}`,
        points: limit.requests,
        duration: limit.perSeconds,
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}
