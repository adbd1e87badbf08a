import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { AnalysisStreamClient, LivePublisherClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS, SentimentModel } from '@watchfloor/nest-runtime';
import { DeadLetterRepository, MentionRepository } from '@watchfloor/persistence';
import { IngestPipeline } from '@watchfloor/pipeline';
import { IngestProcessor } from './ingest.processor';
import { QueriesModule } from '../queries/queries.module';
import { QueryTags } from '../queries/query-tags.service';
import { SentimentModule } from '../sentiment/sentiment.module';

@Module({
  // SentimentModule first: its scorer has loaded the active adaptation before ingest starts.
  imports: [SentimentModule, QueriesModule],
  providers: [
    {
      provide: IngestPipeline,
      useFactory: (
        mentions: MentionRepository,
        deadLetters: DeadLetterRepository,
        redis: Redis,
        config: AppConfig,
        queryTags: QueryTags,
        sentiment: SentimentModel,
      ) =>
        new IngestPipeline({
          // Always the scorer in hand: a change of adaptation swaps it between mentions, never holds one up.
          score: sentiment.models.read,
          queryTagger: queryTags.current,
          mentions,
          deadLetters,
          live: new LivePublisherClient(redis, config.redisPrefix),
          analysis: new AnalysisStreamClient(redis, config.redisPrefix),
        }),
      inject: [MentionRepository, DeadLetterRepository, REDIS, APP_CONFIG, QueryTags, SentimentModel],
    },
    IngestProcessor,
  ],
})
export class IngestModule {}
