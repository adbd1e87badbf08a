import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type Redis from 'ioredis';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@watchfloor/config';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG, REDIS, exitWithParent } from '@watchfloor/nest-runtime';
import { configureEgress } from '@watchfloor/sources';
import { ApiModule, WEB_DIST } from './api.module';
import { DomainErrorFilter } from './errors/domain-error.filter';
import { MAX_BODY, answerBodyParserErrors, refuseDeeplyNestedBodies } from './errors/request-body.guards';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { HttpRequestMetrics } from './metrics/http-request.metrics';
import { refuseCrossSiteRequests } from './security/cross-site-requests';
import { securityHeaders } from './security/security-headers';

async function bootstrap(): Promise<void> {
  // Before any module starts: every feed, platform, stream and webhook request goes through it.
  configureEgress(loadConfig().egress);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const config = app.get<AppConfig>(APP_CONFIG);
  // First, so every response carries the headers: API, Swagger UI and the served web app alike.
  app.use(securityHeaders());
  app.use(app.get(HttpRequestMetrics).record);
  // X-Forwarded-For is believed only from the proxies named: anyone else could pick their own
  // address and so their own login counter.
  app.set('trust proxy', config.auth.trustedProxies.length > 0 ? config.auth.trustedProxies : false);
  // Before the body parsers: a forged cross-site form is refused before it is even read.
  app.use(refuseCrossSiteRequests(config.publicUrl));
  // Prometheus looks at /metrics; the queue dashboard mounts itself at /admin/queues.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalFilters(new DomainErrorFilter(app.getHttpAdapter()));
  app.useBodyParser('json', { limit: MAX_BODY.bytes });
  // Registered here rather than by Nest, so the error answer below follows every parser.
  app.useBodyParser('urlencoded', { limit: MAX_BODY.bytes, extended: true });
  app.use(answerBodyParserErrors);
  app.use(refuseDeeplyNestedBodies);
  app.useWebSocketAdapter(new RedisIoAdapter(app, app.get<Redis>(REDIS), config.redisPrefix));
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Watchfloor API')
    .setDescription('Social-media command center: mentions, live wall, health.')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A session token (from login) or a kiosk token' })
    .addCookieAuth('wf_session')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('cookie')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });

  await app.listen(config.port, config.host);
  exitWithParent();
  logger.log(
    `API on http://localhost:${config.port}/api, wall on http://localhost:${config.port}/wall (web build: ${WEB_DIST})`,
  );
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`watchfloor api could not start: ${error.message}\n`);
  process.exit(1);
});
