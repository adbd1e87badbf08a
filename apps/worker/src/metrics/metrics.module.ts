import { Global, Module } from '@nestjs/common';
import { IngestMetrics } from './ingest.metrics';
import { MetricsServer } from './metrics-server';

/** The worker's Prometheus endpoint, and the metrics its processors record. */
@Global()
@Module({
  providers: [IngestMetrics, MetricsServer],
  exports: [IngestMetrics],
})
export class MetricsModule {}
