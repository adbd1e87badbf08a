import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { loadConfig } from '@watchfloor/config';
import { provideRepositories } from '@watchfloor/nest-runtime';
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

const repositories = [UserRepository, SessionRepository, KioskTokenRepository, TeamRepository, AuditRepository];

/** Who is asking, for every route and socket: the guard, sessions, and the access repositories. */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      useFactory: () => [{ ttl: 60_000, limit: loadConfig().auth.loginAttemptsPerMinute }],
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
