import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { SentimentAdaptationChannel, SentimentTrainingQueueClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS, SentimentModel, provideRepositories } from '@watchfloor/nest-runtime';
import { AuditRepository, SentimentAdaptationRepository, SentimentCorrectionRepository } from '@watchfloor/persistence';
import { SentimentAdaptationsController } from './sentiment-adaptations.controller';
import { SentimentAdaptationsService } from './sentiment-adaptations.service';

/** Sentiment learned from corrections: the admins' versions and rollback, and the scorer that follows the active one. */
@Module({
  controllers: [SentimentAdaptationsController],
  providers: [
    ...provideRepositories(SentimentAdaptationRepository, SentimentCorrectionRepository, AuditRepository),
    {
      provide: SentimentTrainingQueueClient,
      useFactory: (redis: Redis, config: AppConfig) => new SentimentTrainingQueueClient(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    {
      provide: SentimentAdaptationChannel,
      useFactory: (redis: Redis, config: AppConfig) => new SentimentAdaptationChannel(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    SentimentAdaptationsService,
    SentimentModel,
  ],
  exports: [SentimentModel],
})
export class SentimentModule {}
