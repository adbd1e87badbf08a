import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { AnalysisRepository, ListeningQueryRepository } from '@watchfloor/persistence';
import { AnalysisProcessor } from './analysis.processor';

/** Understanding what was stored, as a whole: echoes, emerging issues, spikes and incidents. */
@Module({
  providers: [...provideRepositories(AnalysisRepository, ListeningQueryRepository), AnalysisProcessor],
})
export class AnalysisModule {}
