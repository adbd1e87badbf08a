import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Permission } from '@watchfloor/access';
import type { UserPrincipal } from '@watchfloor/access';
import type {
  IssueCaseView,
  IssueDetailView,
  IssueListEntry,
  IssueNoteView,
  IssueTimelineView,
  IssueView,
  TriageItemView,
} from '@watchfloor/contracts';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { caseBody, issueId, issuesQuery, noteBody, timelineQuery } from './issues.dto';
import { IssuesService } from './issues.service';

const IssueId = () => new ZodValidationPipe(issueId);

@ApiTags('issues')
@Controller('issues')
export class IssuesController {
  constructor(private readonly issues: IssuesService) {}

  @Get()
  @Requires(Permission.ReadMentions)
  @ApiOperation({ summary: 'Emerging (and closed) issues, the most recently active first, each with its case' })
  @ApiQuery({ name: 'status', required: false, enum: ['emerging', 'closed'] })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } })
  list(@Query(new ZodValidationPipe(issuesQuery)) query: z.infer<typeof issuesQuery>): Promise<IssueListEntry[]> {
    return this.issues.list(query);
  }

  @Get(':id')
  @Requires(Permission.ReadMentions)
  @ApiOperation({
    summary: 'One issue: title, volume, negative share, reach, velocity, samples and its most representative post',
  })
  issue(@Param('id', IssueId()) id: string): Promise<IssueView> {
    return this.issues.issue(id);
  }

  @Get(':id/case-detail')
  @Requires(Permission.ReadMentions)
  @ApiOperation({ summary: 'An issue with its case (owner, status, priority), notes, platforms and possible owners' })
  detail(@Param('id', IssueId()) id: string): Promise<IssueDetailView> {
    return this.issues.detail(id);
  }

  @Put(':id/case')
  @Requires(Permission.ManageIssues)
  @ApiOperation({ summary: 'Set owner, status or priority, against the version read (409 if it changed since)' })
  @ApiBody({ schema: jsonSchemaOf(caseBody) })
  changeCase(
    @Param('id', IssueId()) id: string,
    @Body(new ZodValidationPipe(caseBody)) body: z.infer<typeof caseBody>,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<IssueCaseView> {
    return this.issues.changeCase(id, body, principal);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Requires(Permission.ManageIssues)
  @ApiOperation({ summary: 'Acknowledge a P1 issue: the wall leaves crisis mode for it (409 if it is not P1)' })
  acknowledge(
    @Param('id', IssueId()) id: string,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<IssueCaseView> {
    return this.issues.acknowledge(id, principal);
  }

  @Get(':id/notes')
  @Requires(Permission.ReadMentions)
  @ApiOperation({ summary: "The PR team's notes on an issue, oldest first" })
  notes(@Param('id', IssueId()) id: string): Promise<IssueNoteView[]> {
    return this.issues.notes(id);
  }

  @Post(':id/notes')
  @Requires(Permission.ManageIssues)
  @ApiOperation({ summary: 'Add a note (up to 4,000 characters) to an issue' })
  @ApiBody({ schema: jsonSchemaOf(noteBody) })
  addNote(
    @Param('id', IssueId()) id: string,
    @Body(new ZodValidationPipe(noteBody)) body: z.infer<typeof noteBody>,
    @CurrentPrincipal() principal: UserPrincipal,
  ): Promise<IssueNoteView> {
    return this.issues.addNote(id, body.text, principal);
  }

  @Get(':id/triage-items')
  @Requires(Permission.ReadReports)
  @ApiOperation({ summary: "The issue's posts flagged into team inboxes, with who holds them" })
  triageItems(@Param('id', IssueId()) id: string): Promise<TriageItemView[]> {
    return this.issues.linkedTriageItems(id);
  }

  @Get(':id/timeline')
  @Requires(Permission.ReadMentions)
  @ApiOperation({ summary: 'Volume, negative share and reach per bucket of minutes, and the platforms' })
  @ApiQuery({ name: 'bucket', required: false, schema: { type: 'integer', minimum: 1, maximum: 1440, default: 5 } })
  timeline(
    @Param('id', IssueId()) id: string,
    @Query(new ZodValidationPipe(timelineQuery)) query: z.infer<typeof timelineQuery>,
  ): Promise<IssueTimelineView> {
    return this.issues.timeline(id, query.bucket);
  }

  @Get(':id/post-mortem.csv')
  @Requires(Permission.ReadReports)
  @ApiOperation({ summary: 'What happened to the issue and who did what, in time order, as a CSV download' })
  async postMortem(
    @Param('id', IssueId()) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { fileName, csv } = await this.issues.postMortem(id);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return csv;
  }
}
