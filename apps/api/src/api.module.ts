import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { RuntimeModule } from '@watchfloor/nest-runtime';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { HealthModule } from './health/health.module';
import { IssuesModule } from './issues/issues.module';
import { KiosksModule } from './kiosks/kiosks.module';
import { LiveModule } from './live/live.module';
import { MentionsModule } from './mentions/mentions.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { QueriesModule } from './queries/queries.module';
import { ReportsModule } from './reports/reports.module';
import { SourcesModule } from './sources/sources.module';
import { AnalysisModule } from './analysis/analysis.module';
import { RulesModule } from './rules/rules.module';
import { SentimentModule } from './sentiment/sentiment.module';
import { TeamsModule } from './teams/teams.module';
import { TriageModule } from './triage/triage.module';
import { UsersModule } from './users/users.module';
import { WallModule } from './wall/wall.module';
import { WallsModule } from './walls/walls.module';

/** The web app's build, served from the same port as the API. */
export const WEB_DIST = resolve(process.env['WEB_DIST'] ?? join(__dirname, '..', '..', 'web', 'dist'));

@Module({
  imports: [
    RuntimeModule.forRoot({ processName: 'watchfloor-api' }),
    AuthModule,
    HealthModule,
    MetricsModule,
    QueueDashboardModule,
    LiveModule,
    MentionsModule,
    UsersModule,
    TeamsModule,
    KiosksModule,
    AuditModule,
    QueriesModule,
    SourcesModule,
    AnalysisModule,
    IssuesModule,
    TriageModule,
    RulesModule,
    SentimentModule,
    WallsModule,
    WallModule,
    CalendarModule,
    ReportsModule,
    ...(existsSync(join(WEB_DIST, 'index.html'))
      ? [
          ServeStaticModule.forRoot({
            rootPath: WEB_DIST,
            exclude: ['/api/{*path}', '/socket.io/{*path}', '/metrics', '/admin/queues{/*path}'],
          }),
        ]
      : []),
  ],
})
export class ApiModule {}
