import { Body, Controller, ForbiddenException, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Permission, passwordSchema } from '@watchfloor/access';
import type { Principal, UserPrincipal } from '@watchfloor/access';
import { clearAuthCookies } from '../auth/auth-cookies';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { UserCredentialsService } from './user-credentials.service';

const passwordChangeBody = z
  .object({ currentPassword: z.string().max(1024), newPassword: passwordSchema })
  .strict()
  .refine((body) => body.currentPassword !== body.newPassword, {
    path: ['newPassword'],
    message: 'must differ from the current password',
  });

function signedInUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw new ForbiddenException('A kiosk screen has no password or sessions');
  return principal;
}

/** The signed-in user's own account: their password, their sessions. */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(private readonly credentials: UserCredentialsService) {}

  @Post('password')
  @Requires(Permission.ManageOwnAccount)
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password (the current one is required); your other sessions end' })
  @ApiBody({ schema: jsonSchemaOf(passwordChangeBody) })
  changePassword(
    @Body(new ZodValidationPipe(passwordChangeBody)) body: z.infer<typeof passwordChangeBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.credentials.changeOwnPassword(signedInUser(principal), body.currentPassword, body.newPassword);
  }

  @Post('sign-out-everywhere')
  @Requires(Permission.ManageOwnAccount)
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of yours, this one included, on every device' })
  async signOutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const user = signedInUser(principal);
    await this.credentials.signOutEverywhere(user.userId, user);
    clearAuthCookies(response);
  }
}
