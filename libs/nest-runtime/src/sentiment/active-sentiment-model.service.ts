import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { SentimentModelSwitch } from '@watchfloor/analysis';
import type { AppConfig } from '@watchfloor/config';
import { SentimentAdaptationChannel } from '@watchfloor/messaging';
import { SentimentAdaptationRepository } from '@watchfloor/persistence';
import { APP_CONFIG, REDIS } from '../tokens';

/**
 * A process's sentiment scorer (the worker's ingest, the API's console explanations): the bundled
 * model with the active adaptation, loaded at boot and on every announced change.
 */
@Injectable()
export class SentimentModel implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly models: SentimentModelSwitch;

  constructor(
    adaptations: SentimentAdaptationRepository,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.models = new SentimentModelSwitch({ store: adaptations, log: new Logger(SentimentModel.name) });
  }

  async onApplicationBootstrap(): Promise<void> {
    const changes = new SentimentAdaptationChannel(this.redis, this.config.redisPrefix);
    await this.models.start((onChange) => changes.listen(onChange));
  }

  onApplicationShutdown(): void {
    this.models.stop();
  }
}
