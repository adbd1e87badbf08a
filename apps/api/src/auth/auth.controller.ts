import { Body, Controller, Get, HttpCode, Inject, Post, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { z } from 'zod';
import { Permission, permissionsOf } from '@watchfloor/access';
import type { KioskPrincipal, Principal } from '@watchfloor/access';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG } from '@watchfloor/nest-runtime';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { clearAuthCookies, setKioskCookie, setSessionCookie } from './auth-cookies';
import { CurrentPrincipal, Public, Requires } from './auth.decorators';
import { AuthenticationService } from './authentication.service';

const loginBody = z.object({ email: z.string().max(254), password: z.string().max(1024) });
const kioskBody = z.object({ token: z.string().max(64) }).strict();

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
    setSessionCookie(response, this.config, result.token, result.principal.expiresAt);
    return result;
  }

  /**
   * A wall screen trades the token of its URL for an HttpOnly cookie, so the token leaves the
   * address bar, the history and any script's reach; the page drops it from the URL at once.
   * Not throttled: a kiosk token is 256 random bits, there is nothing to guess.
   */
  @Post('kiosk')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A kiosk screen presents its URL token once: it comes back as an HttpOnly cookie' })
  @ApiBody({ schema: jsonSchemaOf(kioskBody) })
  async kiosk(
    @Body(new ZodValidationPipe(kioskBody)) body: z.infer<typeof kioskBody>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ principal: KioskPrincipal }> {
    const principal = await this.authentication.resolveKiosk(body.token);
    if (principal === null)
      throw new UnauthorizedException('This screen’s link is revoked, expired or wrong: ask an admin for a new one');
    setKioskCookie(response, this.config, body.token, principal.expiresAt);
    return { principal };
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
    clearAuthCookies(response);
  }

  @Get('me')
  @Requires(Permission.ViewWall)
  @ApiOperation({ summary: 'Who the presented credential belongs to, and what it may do' })
  me(@CurrentPrincipal() principal: Principal): Principal & { permissions: readonly Permission[] } {
    return { ...principal, permissions: permissionsOf(principal) };
  }
}
