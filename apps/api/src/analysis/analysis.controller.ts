import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { IncidentView } from '@watchfloor/contracts';
import { AnalysisRepository } from '@watchfloor/persistence';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { AnalysisService } from './analysis.service';

const limit = z.coerce.number().int().min(1).max(500).default(50);
const incidentsQuery = z.object({ status: z.enum(['open', 'resolved']).optional(), limit }).strict();
const id = z.string().min(1).max(200);
const snoozeBody = z
  .object({
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict();

@ApiTags('analysis')
@Controller()
export class AnalysisController {
  constructor(
    private readonly results: AnalysisRepository,
    private readonly analysis: AnalysisService,
  ) {}

  @Get('incidents')
  @Requires(Permission.ReadMentions)
  @ApiOperation({ summary: 'Incidents (spikes grouped), the newest first, with their alerts and evidence' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'resolved'] })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } })
  incidents(
    @Query(new ZodValidationPipe(incidentsQuery)) query: z.infer<typeof incidentsQuery>,
  ): Promise<IncidentView[]> {
    return this.results.listIncidents(query);
  }

  @Post('incidents/:id/acknowledge')
  @HttpCode(202)
  @Requires(Permission.ManageIncidents)
  @ApiOperation({ summary: 'Acknowledge an incident: no more notifications; it resolves when its spikes end' })
  acknowledge(
    @Param('id', new ZodValidationPipe(id)) incidentId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IncidentView> {
    return this.analysis.acknowledge(incidentId, principal);
  }

  @Post('incidents/:id/snooze')
  @HttpCode(202)
  @Requires(Permission.ManageIncidents)
  @ApiOperation({ summary: 'Snooze an incident for N minutes: one catch-up notification after, if it grew meanwhile' })
  @ApiBody({ schema: jsonSchemaOf(snoozeBody) })
  snooze(
    @Param('id', new ZodValidationPipe(id)) incidentId: string,
    @Body(new ZodValidationPipe(snoozeBody)) body: z.infer<typeof snoozeBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IncidentView> {
    return this.analysis.snooze(incidentId, body.minutes, principal);
  }
}
