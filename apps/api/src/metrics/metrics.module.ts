import { Global, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { AnalysisStreamClient, QueueInspectorClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { SourcesModule } from '../sources/sources.module';
import { ApiMetricsServer } from './api-metrics-server';
import { HttpRequestMetrics } from './http-request.metrics';
import { LiveDeliveryMetrics } from './live-delivery.metrics';
import { MetricsController } from './metrics.controller';
import { QueueMetricsCollector } from './queue-metrics.collector';
import { SourceMetricsCollector } from './source-metrics.collector';

/**
 * `/metrics` for Prometheus. Global: the live gateway records deliveries, `main.ts` mounts the
 * HTTP timing, and the queue dashboard shows the same queues.
 */
@Global()
@Module({
  imports: [SourcesModule],
  controllers: [MetricsController],
  providers: [
    {
      provide: QueueInspectorClient,
      useFactory: (redis: Redis, config: AppConfig) => new QueueInspectorClient(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    {
      provide: AnalysisStreamClient,
      useFactory: (redis: Redis, config: AppConfig) => new AnalysisStreamClient(redis, config.redisPrefix),
      inject: [REDIS, APP_CONFIG],
    },
    ApiMetricsServer,
    HttpRequestMetrics,
    LiveDeliveryMetrics,
    QueueMetricsCollector,
    SourceMetricsCollector,
  ],
  exports: [HttpRequestMetrics, LiveDeliveryMetrics, QueueInspectorClient],
})
export class MetricsModule {}
