import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { LivePublisherClient, TriageQueueClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS, provideRepositories } from '@watchfloor/nest-runtime';
import {
  AuditRepository,
  ReplyRepository,
  ResponseTemplateRepository,
  TeamRepository,
  TriageRepository,
  TriageStatsRepository,
  UserRepository,
} from '@watchfloor/persistence';
import { SentimentModule } from '../sentiment/sentiment.module';
import { RepliesService } from './replies.service';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

/** Team inboxes, the workflow, replies and templates. */
@Module({
  imports: [SentimentModule],
  controllers: [TriageController],
  providers: [
    ...provideRepositories(
      TriageRepository,
      ReplyRepository,
      ResponseTemplateRepository,
      TeamRepository,
      AuditRepository,
      TriageStatsRepository,
      UserRepository,
    ),
    {
      provide: LivePublisherClient,
      useFactory: (redis: Redis, config: AppConfig) => new LivePublisherClient(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    {
      provide: TriageQueueClient,
      useFactory: (redis: Redis, config: AppConfig) => new TriageQueueClient(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    TriageService,
    RepliesService,
  ],
  exports: [TriageRepository],
})
export class TriageModule {}
