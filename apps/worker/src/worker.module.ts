import { Module } from '@nestjs/common';
import { RuntimeModule } from '@watchfloor/nest-runtime';
import { DemoFeedService } from './demo-feed/demo-feed.service';
import { IngestModule } from './ingest/ingest.module';
import { MetricsModule } from './metrics/metrics.module';
import { SourcesModule } from './sources/sources.module';
import { AnalysisModule } from './analysis/analysis.module';
import { TriageModule } from './triage/triage.module';

@Module({
  imports: [
    RuntimeModule.forRoot({ processName: 'watchfloor-worker' }),
    MetricsModule,
    IngestModule,
    SourcesModule,
    AnalysisModule,
    TriageModule,
  ],
  providers: [DemoFeedService],
})
export class WorkerModule {}
