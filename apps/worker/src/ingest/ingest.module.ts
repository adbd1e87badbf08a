import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { SentimentScorer } from '@watchfloor/analysis';
import { AnalysisStreamClient, LivePublisherClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { DeadLetterRepository, MentionRepository } from '@watchfloor/persistence';
import { IngestPipeline } from '@watchfloor/pipeline';
import { IngestProcessor } from './ingest.processor';
import { QueriesModule } from '../queries/queries.module';
import { QueryTags } from '../queries/query-tags.service';

@Module({
  imports: [QueriesModule],
  providers: [
    {
      provide: IngestPipeline,
      useFactory: (
        mentions: MentionRepository,
        deadLetters: DeadLetterRepository,
        redis: Redis,
        config: AppConfig,
        queryTags: QueryTags,
      ) => {
        const scorer = new SentimentScorer();
        return new IngestPipeline({
          score: (text, lang) => scorer.score(text, lang),
          queryTagger: queryTags.current,
          mentions,
          deadLetters,
          live: new LivePublisherClient(redis, config.redisPrefix),
          analysis: new AnalysisStreamClient(redis, config.redisPrefix),
        });
      },
      inject: [MentionRepository, DeadLetterRepository, REDIS, APP_CONFIG, QueryTags],
    },
    IngestProcessor,
  ],
})
export class IngestModule {}
