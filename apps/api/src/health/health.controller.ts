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

  /**
   * Liveness: the process answers. It checks no dependency on purpose: PostgreSQL or Redis being
   * down must take the API out of the load balancer (readiness), not get every instance restarted.
   */
  @Get('live')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: 200 while the process answers, whatever its dependencies do' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: the API can serve, so the load balancer may send it traffic. */
  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 once PostgreSQL and Redis answer; 503 naming what does not' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.isHealthy('postgres', 1_500),
      () => this.redis.isHealthy('redis', 1_500),
    ]);
  }
}
