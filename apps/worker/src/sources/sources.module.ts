import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { IngestQueueClient, RedisRateGate, SourcesQueueClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS, provideRepositories } from '@watchfloor/nest-runtime';
import {
  DeadLetterRepository,
  SourceCursorRepository,
  SourceHealthRepository,
  SourceRepository,
} from '@watchfloor/persistence';
import { PollCycle, StreamSession } from '@watchfloor/sources';
import type { PollCyclePorts } from '@watchfloor/sources';
import { QueriesModule } from '../queries/queries.module';
import { SourceCatalog } from './source-catalog';
import { SourcesProcessor } from './sources.processor';
import { StreamsProcessor } from './streams.processor';

const POLL_PORTS = Symbol('POLL_PORTS');

/** Listening: the sources' polls and streams, feeding the ingest queue. */
@Module({
  imports: [QueriesModule],
  providers: [
    ...provideRepositories(SourceRepository, SourceHealthRepository, SourceCursorRepository),
    {
      provide: SourcesQueueClient,
      useFactory: (redis: Redis, config: AppConfig) => new SourcesQueueClient(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    {
      provide: POLL_PORTS,
      useFactory: (
        redis: Redis,
        config: AppConfig,
        cursors: SourceCursorRepository,
        rejects: DeadLetterRepository,
        health: SourceHealthRepository,
      ): PollCyclePorts => ({
        cursors,
        rejects,
        health,
        ingest: new IngestQueueClient(redis, config.redisPrefix),
        gate: new RedisRateGate(redis, config.redisPrefix),
      }),
      inject: [REDIS, APP_CONFIG, SourceCursorRepository, DeadLetterRepository, SourceHealthRepository],
    },
    { provide: PollCycle, useFactory: (ports: PollCyclePorts) => new PollCycle(ports), inject: [POLL_PORTS] },
    { provide: StreamSession, useFactory: (ports: PollCyclePorts) => new StreamSession(ports), inject: [POLL_PORTS] },
    SourceCatalog,
    SourcesProcessor,
    StreamsProcessor,
  ],
})
export class SourcesModule {}
