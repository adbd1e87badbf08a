import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import { SOURCE_KINDS, SOURCE_KIND_SPECS } from '@watchfloor/sources';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { SourcesService } from './sources.service';
import type { SourceKindView, SourceView } from '@watchfloor/contracts';

const name = z.string().trim().min(1).max(120);
const settings = z.record(z.string(), z.unknown());
const credentials = z.record(z.string(), z.string().max(4_096)).nullable();
// A poll more often than every 15 s buys nothing from any platform and costs its rate limit.
const pollSeconds = z.number().int().min(15).max(86_400);
const monthlyReadBudget = z.number().int().min(1).max(100_000_000).nullable();
const newSourceBody = z
  .object({
    name,
    kind: z.enum(SOURCE_KINDS),
    settings: settings.default({}),
    credentials: credentials.optional(),
    pollSeconds: pollSeconds.optional(),
    monthlyReadBudget: monthlyReadBudget.optional(),
    enabled: z.boolean().default(true),
  })
  .strict();
const sourceChangesBody = z
  .object({
    name: name.optional(),
    settings: settings.optional(),
    credentials: credentials.optional(),
    pollSeconds: pollSeconds.optional(),
    monthlyReadBudget: monthlyReadBudget.optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one change');

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @Requires(Permission.ReadSources)
  @ApiOperation({ summary: 'Every source with its health: state, last success, lag, errors, rate limit, budget' })
  list(): Promise<SourceView[]> {
    return this.sources.list();
  }

  @Get('kinds')
  @Requires(Permission.ReadSources)
  @ApiOperation({ summary: 'The kinds of source, with the settings and credentials each takes' })
  kinds(): SourceKindView[] {
    return SOURCE_KINDS.map((kind) => {
      const spec = SOURCE_KIND_SPECS[kind];
      return {
        kind,
        platform: spec.platform,
        label: spec.label,
        scope: spec.scope,
        run: spec.run,
        settings: jsonSchemaOf(spec.settings),
        credentials: spec.credentials === null ? null : jsonSchemaOf(spec.credentials),
        credentialsRequired: spec.credentialsRequired,
        defaultPollSeconds: spec.defaultPollSeconds,
        defaultMonthlyReadBudget: spec.defaultMonthlyReadBudget,
        requestLimit: spec.requestLimit,
      };
    });
  }

  @Post()
  @Requires(Permission.ManageSources)
  @ApiOperation({ summary: 'Add a source; its credentials are sealed and never shown again' })
  @ApiBody({ schema: jsonSchemaOf(newSourceBody) })
  create(
    @Body(new ZodValidationPipe(newSourceBody)) body: z.infer<typeof newSourceBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SourceView> {
    return this.sources.create(body, principal);
  }

  @Patch(':id')
  @Requires(Permission.ManageSources)
  @ApiOperation({ summary: 'Change a source; new credentials replace the stored ones, null removes them' })
  @ApiBody({ schema: jsonSchemaOf(sourceChangesBody) })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(sourceChangesBody)) body: z.infer<typeof sourceChangesBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SourceView> {
    return this.sources.update(id, body, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires(Permission.ManageSources)
  @ApiOperation({ summary: 'Remove a source with its cursors and health; the mentions it brought stay' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.sources.remove(id, principal);
  }

  @Post(':id/poll')
  @HttpCode(202)
  @Requires(Permission.ManageSources)
  @ApiOperation({ summary: 'Poll a source now, outside its schedule' })
  pollNow(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ polls: number }> {
    return this.sources.pollNow(id);
  }
}
