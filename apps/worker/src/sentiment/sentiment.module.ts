import { Module } from '@nestjs/common';
import { SentimentModel, provideRepositories } from '@watchfloor/nest-runtime';
import { AuditRepository, SentimentAdaptationRepository, SentimentCorrectionRepository } from '@watchfloor/persistence';
import { SentimentTrainingProcessor } from './sentiment-training.processor';

/** Sentiment learned from the console's corrections: the training, and the scorer that follows the active version. */
@Module({
  providers: [
    ...provideRepositories(SentimentAdaptationRepository, SentimentCorrectionRepository, AuditRepository),
    SentimentModel,
    SentimentTrainingProcessor,
  ],
  exports: [SentimentModel],
})
export class SentimentModule {}
