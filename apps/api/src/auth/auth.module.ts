import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG, REDIS, provideRepositories } from '@watchfloor/nest-runtime';
import {
  AuditRepository,
  KioskTokenRepository,
  SessionRepository,
  TeamRepository,
  UserRepository,
} from '@watchfloor/persistence';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthenticationService } from './authentication.service';
import { loginTracker } from './login-tracker';

const repositories = [UserRepository, SessionRepository, KioskTokenRepository, TeamRepository, AuditRepository];

/** Who is asking, for every route and socket: the guard, sessions, and the access repositories. */
@Global()
@Module({
  imports: [
    // Counters live in Redis, so every API instance counts the same attempts.
    ThrottlerModule.forRootAsync({
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => ({
        throttlers: [
          { ttl: 60_000, limit: config.auth.loginAttemptsPerMinute, getTracker: loginTracker(config.redisPrefix) },
        ],
        storage: new ThrottlerStorageRedisService(redis),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    ...provideRepositories(...repositories),
    AuthenticationService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [...repositories, AuthenticationService],
})
export class AuthModule {}
