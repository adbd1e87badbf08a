import { Body, Controller, Get, HttpCode, Inject, Post, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { z } from 'zod';
import { Permission, permissionsOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG } from '@watchfloor/nest-runtime';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { CurrentPrincipal, Public, Requires } from './auth.decorators';
import { AuthenticationService } from './authentication.service';
import { SESSION_COOKIE } from './credentials-from-request';

const loginBody = z.object({ email: z.string().max(254), password: z.string().max(1024) });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly authentication: AuthenticationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: sets the session cookie and returns the session token and who you are' })
  @ApiBody({ schema: jsonSchemaOf(loginBody) })
  async login(
    @Body(new ZodValidationPipe(loginBody)) body: z.infer<typeof loginBody>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ token: string; principal: Principal }> {
    const result = await this.authentication.login(body.email, body.password);
    if (result === null) throw new UnauthorizedException('Wrong e-mail or password');
    response.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.cookieSecure,
      path: '/',
      expires: new Date(result.principal.expiresAt),
    });
    return result;
  }

  @Post('logout')
  @Requires(Permission.ViewWall)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session is revoked on the server, the cookie cleared' })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (principal.kind === 'user') await this.authentication.logout(principal);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Requires(Permission.ViewWall)
  @ApiOperation({ summary: 'Who the presented credential belongs to, and what it may do' })
  me(@CurrentPrincipal() principal: Principal): Principal & { permissions: readonly Permission[] } {
    return { ...principal, permissions: permissionsOf(principal) };
  }
}
