import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { SourcesQueueClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS, provideRepositories } from '@watchfloor/nest-runtime';
import { ListeningQueryRepository, SourceHealthRepository, SourceRepository } from '@watchfloor/persistence';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  controllers: [SourcesController],
  providers: [
    ...provideRepositories(SourceRepository, SourceHealthRepository, ListeningQueryRepository),
    {
      provide: SourcesQueueClient,
      useFactory: (redis: Redis, config: AppConfig) => new SourcesQueueClient(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    SourcesService,
  ],
  exports: [SourcesService, SourcesQueueClient],
})
export class SourcesModule {}
