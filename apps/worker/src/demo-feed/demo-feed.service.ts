import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { IngestQueueClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { DemoFeed, MentionBatcher, demoMentions, replay } from '@watchfloor/sources';

/** Keeps a believable stream of demo mentions flowing while DEMO_FEED is on. */
@Injectable()
export class DemoFeedService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DemoFeedService.name);
  private readonly abort = new AbortController();
  private running: Promise<number> | undefined;
  private queue: IngestQueueClient | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    const { enabled, mentionsPerSecond } = this.config.demoFeed;
    if (!enabled) return;
    const queue = new IngestQueueClient(this.redis, this.config.redisPrefix);
    this.queue = queue;
    const batcher = new MentionBatcher({
      source: 'demo',
      sink: (batches) => queue.enqueue(batches),
      maxWaitMs: 100,
      onError: (error) => this.logger.error(`demo feed could not enqueue: ${(error as Error).message}`),
    });
    this.logger.log(`demo feed on: ${mentionsPerSecond} mentions/s`);
    this.running = replay(demoMentions(new DemoFeed()), batcher, {
      ratePerSecond: mentionsPerSecond,
      signal: this.abort.signal,
    });
    this.running.catch((error: Error) => this.logger.error(`demo feed stopped: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
    await this.queue?.close();
  }
}
