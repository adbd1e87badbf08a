import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import { MAX_QUERY_LENGTH } from '@watchfloor/listening';
import { QUERY_KINDS } from '@watchfloor/persistence';
import type { ListeningQueryRecord, QueryVersion } from '@watchfloor/persistence';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { QueriesService } from './queries.service';
import type { QueryPreview } from './queries.service';

const text = z.string().max(MAX_QUERY_LENGTH);
const name = z.string().trim().min(1).max(120);
const newQueryBody = z.object({ name, kind: z.enum(QUERY_KINDS).default('brand'), text }).strict();
const queryChangesBody = z
  .object({
    name: name.optional(),
    kind: z.enum(QUERY_KINDS).optional(),
    enabled: z.boolean().optional(),
    text: text.optional(),
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one of name, kind, enabled, text');
const previewBody = z
  .object({
    text,
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
  })
  .strict();

@ApiTags('queries')
@Controller('queries')
export class QueriesController {
  constructor(private readonly queries: QueriesService) {}

  @Get()
  @Requires(Permission.ReadQueries)
  @ApiOperation({ summary: 'Every listening query, brand and competitor, at its current version' })
  list(): Promise<ListeningQueryRecord[]> {
    return this.queries.list();
  }

  @Post()
  @Requires(Permission.ManageQueries)
  @ApiOperation({ summary: 'Save a listening query (its text must parse; errors name the column)' })
  @ApiBody({ schema: jsonSchemaOf(newQueryBody) })
  create(
    @Body(new ZodValidationPipe(newQueryBody)) body: z.infer<typeof newQueryBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListeningQueryRecord> {
    return this.queries.create(body, principal);
  }

  @Patch(':id')
  @Requires(Permission.ManageQueries)
  @ApiOperation({ summary: 'Change a query; a new text is saved as a new version' })
  @ApiBody({ schema: jsonSchemaOf(queryChangesBody) })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(queryChangesBody)) body: z.infer<typeof queryChangesBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListeningQueryRecord> {
    return this.queries.update(id, body, principal);
  }

  @Get(':id/versions')
  @Requires(Permission.ReadQueries)
  @ApiOperation({ summary: "Every version of a query's text, newest first" })
  versions(@Param('id', new ParseUUIDPipe()) id: string): Promise<QueryVersion[]> {
    return this.queries.versions(id);
  }

  @Post('preview')
  @Requires(Permission.ReadQueries)
  @ApiOperation({
    summary: 'Try a query against stored mentions: how many it would have matched, and how each platform reads it',
  })
  @ApiBody({ schema: jsonSchemaOf(previewBody) })
  preview(@Body(new ZodValidationPipe(previewBody)) body: z.infer<typeof previewBody>): Promise<QueryPreview> {
    return this.queries.preview(body.text, body.hours);
  }
}
