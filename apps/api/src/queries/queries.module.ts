import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { QueryChangesChannel } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS, provideRepositories } from '@watchfloor/nest-runtime';
import { ListeningQueryRepository } from '@watchfloor/persistence';
import { QueriesController } from './queries.controller';
import { QueriesService } from './queries.service';
import { SourcesModule } from '../sources/sources.module';

@Module({
  imports: [SourcesModule],
  controllers: [QueriesController],
  providers: [
    ...provideRepositories(ListeningQueryRepository),
    {
      provide: QueryChangesChannel,
      useFactory: (redis: Redis, config: AppConfig) => new QueryChangesChannel(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    QueriesService,
  ],
})
export class QueriesModule {}
