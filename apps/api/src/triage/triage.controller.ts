import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Permission, rolesWith } from '@watchfloor/access';
import type { Principal, UserPrincipal } from '@watchfloor/access';
import type { ReplyView, TriageEventView, TriageItemView, TriageStats } from '@watchfloor/contracts';
import { TeamRepository, TriageStatsRepository } from '@watchfloor/persistence';
import type { ResponseTemplateRecord, TeamRoster } from '@watchfloor/persistence';
import { responseTemplateSchema } from '@watchfloor/rules';
import type { ResponseTemplate } from '@watchfloor/rules';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { RepliesService } from './replies.service';
import {
  assignBody,
  bulkBody,
  correctionBody,
  idempotencyKey,
  inboxQuery,
  itemId,
  noteBody,
  replyBody,
  statsQuery,
  tagsBody,
  transitionBody,
} from './triage.dto';
import { teamScopeOf } from './triage-scope';
import { TriageService } from './triage.service';

const ItemId = () => new ZodValidationPipe(itemId);

@ApiTags('triage')
@Controller('triage')
export class TriageController {
  constructor(
    private readonly triage: TriageService,
    private readonly replies: RepliesService,
    private readonly stats: TriageStatsRepository,
    private readonly teams: TeamRepository,
  ) {}

  @Get('teams')
  @Requires(Permission.UseConsole)
  @ApiOperation({ summary: 'The teams whose inboxes you see, with the members who can work items (to assign them to)' })
  rosters(@CurrentPrincipal() principal: Principal): Promise<TeamRoster[]> {
    return this.teams.rosters(teamScopeOf(principal), rolesWith(Permission.WorkTriage));
  }

  @Get('items')
  @Requires(Permission.UseConsole)
  @ApiOperation({ summary: "Your teams' inbox: P1 first, first in first out within a priority" })
  list(
    @Query(new ZodValidationPipe(inboxQuery)) query: z.infer<typeof inboxQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TriageItemView[]> {
    return this.triage.list(principal, query);
  }

  @Get('items/:id')
  @Requires(Permission.UseConsole)
  @ApiOperation({ summary: 'One item with its history and replies' })
  async item(
    @Param('id', ItemId()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ item: TriageItemView; events: TriageEventView[]; replies: ReplyView[] }> {
    const item = await this.triage.find(id, principal);
    const [events, replies] = await Promise.all([this.triage.events(id), this.replies.ofItem(id)]);
    return { item, events, replies };
  }

  @Post('items/:id/claim')
  @HttpCode(200)
  @Requires(Permission.WorkTriage)
  @ApiOperation({ summary: 'Take the item (409 when someone else holds it, or you are at capacity)' })
  claim(@Param('id', ItemId()) id: string, @CurrentPrincipal() principal: UserPrincipal): Promise<TriageItemView> {
    return this.triage.claim(id, principal);
  }

  @Post('items/:id/release')
  @HttpCode(200)
  @Requires(Permission.WorkTriage)
  @ApiOperation({ summary: "Hand the item back to the team's queue" })
  release(@Param('id', ItemId()) id: string, @CurrentPrincipal() principal: UserPrincipal): Promise<TriageItemView> {
    return this.triage.release(id, principal);
  }

  @Post('items/:id/assign')
  @HttpCode(200)
  @Requires(Permission.WorkTriage)
  @ApiOperation({ summary: 'Give the item to a member of its team' })
  @ApiBody({ schema: jsonSchemaOf(assignBody) })
  assign(
    @Param('id', ItemId()) id: string,
    @Body(new ZodValidationPipe(assignBody)) body: z.infer<typeof assignBody>,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<TriageItemView> {
    return this.triage.assign(id, body.userId, principal);
  }

  @Post('items/:id/transition')
  @HttpCode(200)
  @Requires(Permission.WorkTriage)
  @ApiOperation({ summary: 'Wait on the customer (SLA paused), customer replied, resolve, reopen, mark spam' })
  @ApiBody({ schema: jsonSchemaOf(transitionBody) })
  transition(
    @Param('id', ItemId()) id: string,
    @Body(new ZodValidationPipe(transitionBody)) body: z.infer<typeof transitionBody>,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<TriageItemView> {
    return this.triage.act(id, body.action, principal);
  }

  @Post('items/:id/notes')
  @Requires(Permission.WorkTriage)
  @ApiOperation({ summary: 'An internal note: never sent to the customer' })
  @ApiBody({ schema: jsonSchemaOf(noteBody) })
  note(
    @Param('id', ItemId()) id: string,
    @Body(new ZodValidationPipe(noteBody)) body: z.infer<typeof noteBody>,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<TriageEventView> {
    return this.triage.note(id, body.text, principal);
  }

  @Put('items/:id/tags')
  @Requires(Permission.WorkTriage)
  @ApiOperation({ summary: "Replace the item's tags" })
  @ApiBody({ schema: jsonSchemaOf(tagsBody) })
  tags(
    @Param('id', ItemId()) id: string,
    @Body(new ZodValidationPipe(tagsBody)) body: z.infer<typeof tagsBody>,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<TriageItemView> {
    return this.triage.setTags(id, body.tags, principal);
  }

  @Post('items/:id/correction')
  @HttpCode(200)
  @Requires(Permission.CorrectAnalysis)
  @ApiOperation({ summary: "Correct the item's sentiment or mark it not relevant (counted in measured accuracy)" })
  @ApiBody({ schema: jsonSchemaOf(correctionBody) })
  correct(
    @Param('id', ItemId()) id: string,
    @Body(new ZodValidationPipe(correctionBody)) body: z.infer<typeof correctionBody>,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<TriageItemView> {
    return this.triage.correct(id, body, principal);
  }

  @Post('items/:id/replies')
  @Requires(Permission.WorkTriage)
  @ApiOperation({ summary: 'Reply through the platform: queued with retries, posted once per Idempotency-Key' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'One key per reply; reuse it to retry' })
  @ApiBody({ schema: jsonSchemaOf(replyBody) })
  async reply(
    @Param('id', ItemId()) id: string,
    @Headers('idempotency-key') key: unknown,
    @Body(new ZodValidationPipe(replyBody)) body: z.infer<typeof replyBody>,
    @CurrentPrincipal() principal: UserPrincipal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReplyView> {
    const validKey = new ZodValidationPipe(idempotencyKey).transform(key);
    const { reply, created } = await this.replies.reply(id, body.text, validKey, principal);
    response.status(created ? 202 : 200);
    return reply;
  }

  @Post('bulk')
  @HttpCode(200)
  @Requires(Permission.WorkTriage)
  @ApiOperation({ summary: 'Resolve or mark as spam many items at once' })
  @ApiBody({ schema: jsonSchemaOf(bulkBody) })
  bulk(
    @Body(new ZodValidationPipe(bulkBody)) body: z.infer<typeof bulkBody>,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<{ updated: number; skipped: number }> {
    return this.triage.bulk(body.ids, body.action, principal);
  }

  @Get('templates')
  @Requires(Permission.UseConsole)
  @ApiOperation({ summary: 'Response templates' })
  templates(): Promise<ResponseTemplateRecord[]> {
    return this.replies.listTemplates();
  }

  @Post('templates')
  @Requires(Permission.ManageRules)
  @ApiOperation({ summary: 'Add a response template ({{author.handle}}, {{agent.name}}, ...)' })
  @ApiBody({ schema: jsonSchemaOf(responseTemplateSchema) })
  createTemplate(
    @Body(new ZodValidationPipe(responseTemplateSchema)) body: ResponseTemplate,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResponseTemplateRecord> {
    return this.replies.createTemplate(body, principal);
  }

  @Delete('templates/:id')
  @HttpCode(204)
  @Requires(Permission.ManageRules)
  @ApiOperation({ summary: 'Remove a response template' })
  removeTemplate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.replies.removeTemplate(id, principal);
  }

  @Get('stats')
  @Requires(Permission.UseConsole)
  @ApiOperation({ summary: 'First-response and resolution times per team and agent; measured accuracy of analysis' })
  statistics(
    @Query(new ZodValidationPipe(statsQuery)) query: z.infer<typeof statsQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TriageStats> {
    return this.stats.stats(new Date(Date.now() - query.days * 86_400_000), teamScopeOf(principal));
  }
}
