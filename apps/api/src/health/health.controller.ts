import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health';
import { Public } from '../auth/auth.decorators';
import { RedisHealthIndicator } from './redis.health';
import { SourcesHealthIndicator } from './sources.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly sources: SourcesHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: "200 once PostgreSQL and Redis answer; 503 naming what does not. Details include each source's state",
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.isHealthy('postgres', 1_500),
      () => this.redis.isHealthy('redis', 1_500),
      () => this.sources.report('sources'),
    ]);
  }
}
