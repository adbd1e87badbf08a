import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Permission, ROLES, emailSchema, passwordSchema } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { UserRecord } from '@watchfloor/persistence';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { UserCredentialsService } from './user-credentials.service';
import { UsersService } from './users.service';

const displayName = z.string().trim().min(1).max(120);
const newUserBody = z
  .object({ email: emailSchema, displayName, role: z.enum(ROLES), password: passwordSchema })
  .strict();
const userChangesBody = z
  .object({ role: z.enum(ROLES).optional(), displayName: displayName.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one of role, displayName, disabled');
const passwordResetBody = z.object({ password: passwordSchema }).strict();

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: UserCredentialsService,
  ) {}

  @Get()
  @Requires(Permission.ReadUsers)
  @ApiOperation({ summary: 'Every account, with its role and teams' })
  list(): Promise<UserRecord[]> {
    return this.users.list();
  }

  @Post()
  @Requires(Permission.ManageUsers)
  @ApiOperation({ summary: 'Create an account' })
  @ApiBody({ schema: jsonSchemaOf(newUserBody) })
  create(
    @Body(new ZodValidationPipe(newUserBody)) body: z.infer<typeof newUserBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserRecord> {
    return this.users.create(body, principal);
  }

  @Patch(':id')
  @Requires(Permission.ManageUsers)
  @ApiOperation({ summary: 'Change a role or a name, or disable an account (its sessions end at once)' })
  @ApiBody({ schema: jsonSchemaOf(userChangesBody) })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(userChangesBody)) body: z.infer<typeof userChangesBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserRecord> {
    return this.users.update(id, body, principal);
  }

  @Post(':id/password')
  @Requires(Permission.ManageUsers)
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password for someone (audited); every session of theirs ends' })
  @ApiBody({ schema: jsonSchemaOf(passwordResetBody) })
  resetPassword(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(passwordResetBody)) body: z.infer<typeof passwordResetBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ endedSessions: number }> {
    return this.credentials.resetPassword(id, body.password, principal);
  }

  @Post(':id/sign-out-everywhere')
  @Requires(Permission.ManageUsers)
  @HttpCode(200)
  @ApiOperation({ summary: 'End every session of someone, on every device (audited)' })
  signOutEverywhere(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ endedSessions: number }> {
    return this.credentials.signOutEverywhere(id, principal);
  }
}
