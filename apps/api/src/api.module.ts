import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { RuntimeModule } from '@watchfloor/nest-runtime';
import { HealthModule } from './health/health.module';
import { LiveGateway } from './live/live.gateway';
import { MentionsController } from './mentions/mentions.controller';

/** The web app's build, served from the same port as the API. */
export const WEB_DIST = resolve(process.env['WEB_DIST'] ?? join(__dirname, '..', '..', 'web', 'dist'));

@Module({
  imports: [
    RuntimeModule.forRoot({ processName: 'watchfloor-api' }),
    HealthModule,
    ...(existsSync(join(WEB_DIST, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: WEB_DIST, exclude: ['/api/{*path}', '/socket.io/{*path}'] })]
      : []),
  ],
  controllers: [MentionsController],
  providers: [LiveGateway],
})
export class ApiModule {}
