import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { AnalysisRepository } from '@watchfloor/persistence';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';

@Module({
  controllers: [AnalysisController],
  providers: [...provideRepositories(AnalysisRepository), AnalysisService],
})
export class AnalysisModule {}
