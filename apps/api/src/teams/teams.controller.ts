import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { TeamRecord, TeamSettings } from '@watchfloor/persistence';
import { businessHoursSchema } from '@watchfloor/rules';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { TeamsService } from './teams.service';

const newTeamBody = z.object({ name: z.string().trim().min(1).max(80) }).strict();
const membersBody = z.object({ userIds: z.array(z.uuid()).max(1_000) }).strict();
const settingsBody = z
  .object({
    /** Null: around the clock. */
    businessHours: businessHoursSchema.nullable(),
    capacityPerAgent: z.number().int().min(1).max(1_000),
  })
  .strict();

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Requires(Permission.ReadUsers)
  @ApiOperation({ summary: 'Every team and its members' })
  list(): Promise<TeamRecord[]> {
    return this.teams.list();
  }

  @Post()
  @Requires(Permission.ManageUsers)
  @ApiOperation({ summary: 'Create a team (admins)' })
  @ApiBody({ schema: jsonSchemaOf(newTeamBody) })
  create(
    @Body(new ZodValidationPipe(newTeamBody)) body: z.infer<typeof newTeamBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamRecord> {
    return this.teams.create(body.name, principal);
  }

  @Put(':id/members')
  @Requires(Permission.ManageTeams)
  @ApiOperation({ summary: "Replace a team's members (admins; managers for their own teams)" })
  @ApiBody({ schema: jsonSchemaOf(membersBody) })
  setMembers(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(membersBody)) body: z.infer<typeof membersBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamRecord> {
    return this.teams.setMembers(id, body.userIds, principal);
  }

  @Put(':id/settings')
  @Requires(Permission.ManageTeams)
  @ApiOperation({ summary: "A team's business hours (its SLA clocks count only those) and open items per agent" })
  @ApiBody({ schema: jsonSchemaOf(settingsBody) })
  setSettings(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(settingsBody)) body: z.infer<typeof settingsBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamSettings> {
    return this.teams.setSettings(id, body, principal);
  }
}
