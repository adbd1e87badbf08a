import { Global, Inject, Logger, Module, RequestMethod } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AuditSigner, SecretBox } from '@watchfloor/access';
import { loadConfig } from '@watchfloor/config';
import type { AppConfig } from '@watchfloor/config';
import { createRedisConnection, describeRedis } from '@watchfloor/messaging';
import { DeadLetterRepository, MentionRepository, createDataSource } from '@watchfloor/persistence';
import { createMetricsRegistry } from './metrics/metrics-registry';
import { provideRepositories } from './repository.providers';
import { APP_CONFIG, AUDIT_SIGNER, DATA_SOURCE, METRICS_REGISTRY, REDIS, SECRET_BOX } from './tokens';

export interface RuntimeOptions {
  /** Names the process in logs, PostgreSQL's pg_stat_activity and Redis' CLIENT LIST. */
  processName: string;
}

class RuntimeShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.dataSource.destroy();
    this.redis.disconnect();
  }
}

/** Probes and scrapes, every few seconds from machines: a log line each would drown the rest. */
const UNLOGGED_PATHS = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/metrics']);

const SECRET_LOG_PATHS = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

function withoutSecretQuery(request: { url?: string; query?: Record<string, unknown> }): unknown {
  const url = request.url?.replace(/([?&]kiosk=)[^&]*/g, '$1[redacted]');
  const query = request.query && 'kiosk' in request.query ? { ...request.query, kiosk: '[redacted]' } : request.query;
  return { ...request, url, query };
}

async function connectDatabase(config: AppConfig, processName: string): Promise<DataSource> {
  const dataSource = createDataSource({ url: config.databaseUrl, applicationName: processName });
  try {
    return await dataSource.initialize();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${new URL(config.databaseUrl).host}: start it or set DATABASE_URL (${(error as Error).message})`,
      { cause: error },
    );
  }
}

function connectRedis(config: AppConfig, processName: string): Redis {
  const logger = new Logger(processName);
  const redis = createRedisConnection(config.redisUrl, processName);
  redis.on('error', (error: Error) =>
    logger.warn(`Redis is not reachable at ${describeRedis(config.redisUrl)} (${error.message}): retrying`),
  );
  return redis;
}

/**
 * Config, structured JSON logs, a metrics registry, the database and Redis, for the API and the
 * worker alike. The environment is validated first, so a bad variable stops the process with its name.
 */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot({ processName }: RuntimeOptions): DynamicModule {
    return {
      module: RuntimeModule,
      imports: [
        LoggerModule.forRootAsync({
          useFactory: () => ({
            // nestjs-pino's default ('*') is a wildcard Nest 11 no longer reads, and warns about.
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              name: processName,
              level: loadConfig().logLevel,
              autoLogging: { ignore: (request: { url?: string }) => UNLOGGED_PATHS.has(request.url ?? '') },
              // Credentials never reach the logs: session cookies, bearer tokens, kiosk URLs.
              redact: { paths: SECRET_LOG_PATHS, censor: '[redacted]' },
              serializers: { req: withoutSecretQuery },
            },
          }),
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useFactory: () => loadConfig() },
        {
          provide: DATA_SOURCE,
          useFactory: (config: AppConfig) => connectDatabase(config, processName),
          inject: [APP_CONFIG],
        },
        { provide: REDIS, useFactory: (config: AppConfig) => connectRedis(config, processName), inject: [APP_CONFIG] },
        {
          provide: SECRET_BOX,
          useFactory: (config: AppConfig) =>
            config.secretKey === undefined ? null : SecretBox.fromEncodedKey(config.secretKey),
          inject: [APP_CONFIG],
        },
        {
          provide: AUDIT_SIGNER,
          useFactory: (config: AppConfig) =>
            config.auditSigningKey === undefined ? null : AuditSigner.fromEncodedKey(config.auditSigningKey),
          inject: [APP_CONFIG],
        },
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(processName) },
        ...provideRepositories(MentionRepository, DeadLetterRepository),
        RuntimeShutdown,
      ],
      exports: [
        APP_CONFIG,
        REDIS,
        DATA_SOURCE,
        SECRET_BOX,
        AUDIT_SIGNER,
        METRICS_REGISTRY,
        MentionRepository,
        DeadLetterRepository,
      ],
    };
  }
}
