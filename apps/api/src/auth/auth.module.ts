import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { PasswordHasher } from '@watchfloor/access';
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
import { loginAddressTracker, loginEmailTracker } from './login-tracker';

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
          {
            name: 'login-email',
            ttl: 60_000,
            limit: config.auth.loginAttemptsPerMinute,
            getTracker: loginEmailTracker(config.redisPrefix),
          },
          {
            name: 'login-address',
            ttl: 60_000,
            limit: config.auth.loginAttemptsPerAddressPerMinute,
            getTracker: loginAddressTracker(config.redisPrefix),
          },
        ],
        storage: new ThrottlerStorageRedisService(redis),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    ...provideRepositories(...repositories),
    AuthenticationService,
    // One per process, so its cap on concurrent hashing covers logins and password changes alike.
    {
      provide: PasswordHasher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new PasswordHasher(config.auth.passwordHashConcurrency),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [...repositories, AuthenticationService, PasswordHasher],
})
export class AuthModule {}
