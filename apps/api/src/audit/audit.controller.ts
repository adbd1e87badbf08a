import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Permission, auditToCsv } from '@watchfloor/access';
import type { AuditEntry, ChainVerdict } from '@watchfloor/access';
import { AuditRepository } from '@watchfloor/persistence';
import { Requires } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';

const exportQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Requires(Permission.ReadAudit)
  @ApiOperation({ summary: 'The audit log in order, as JSON or CSV (a download)' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601, inclusive' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601, exclusive' })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100000, default: 10000 },
  })
  async export(
    @Query(new ZodValidationPipe(exportQuery)) query: z.infer<typeof exportQuery>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditEntry[] | string> {
    const entries = await this.audit.find({
      limit: query.limit,
      ...(query.from !== undefined && { from: new Date(query.from) }),
      ...(query.to !== undefined && { to: new Date(query.to) }),
    });
    if (query.format === 'json') return entries;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="watchfloor-audit.csv"');
    return auditToCsv(entries);
  }

  @Get('verify')
  @Requires(Permission.ReadAudit)
  @ApiOperation({ summary: 'Checks the hash chain of the whole log: ok, or where it breaks' })
  verify(): Promise<ChainVerdict> {
    return this.audit.verifyChain();
  }
}
