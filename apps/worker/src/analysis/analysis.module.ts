import { Module } from '@nestjs/common';
import { AnalysisProcessor } from './analysis.processor';

/** Understanding what was stored, as a whole: echoes, emerging issues, spikes and incidents. */
@Module({
  providers: [AnalysisProcessor],
})
export class AnalysisModule {}
