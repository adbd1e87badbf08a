import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { DatabaseHealthIndicator } from './database.health';
import { RedisHealthIndicator } from './redis.health';
import { SourcesHealthIndicator } from './sources.health';
import { SourcesModule } from '../sources/sources.module';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), SourcesModule],
  controllers: [HealthController],
  providers: [DatabaseHealthIndicator, RedisHealthIndicator, SourcesHealthIndicator],
})
export class HealthModule {}
