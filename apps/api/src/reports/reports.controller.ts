import { Controller, Get, Query, Res, applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '@watchfloor/access';
import type { PeriodSummary } from '@watchfloor/contracts';
import { MAX_REPORT_DAYS, periodSummaryCsv, periodSummaryPdf, reportFileName } from '@watchfloor/reports';
import { Requires } from '../auth/auth.decorators';
import { periodQuery } from '../validation/period-query';
import type { PeriodQuery } from '../validation/period-query';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { ReportsService } from './reports.service';

const PeriodPipe = () => new ZodValidationPipe(periodQuery(MAX_REPORT_DAYS));
const PeriodDocs = () =>
  applyDecorators(
    ApiQuery({ name: 'from', required: true, description: 'ISO 8601 with a zone, inclusive' }),
    ApiQuery({
      name: 'to',
      required: true,
      description: `ISO 8601 with a zone, exclusive; at most ${MAX_REPORT_DAYS} days on`,
    }),
  );

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @Requires(Permission.ReadReports)
  @ApiOperation({ summary: 'Volume, sentiment, share of voice, issues and response times over a period' })
  @PeriodDocs()
  summary(@Query(PeriodPipe()) period: PeriodQuery): Promise<PeriodSummary> {
    return this.reports.summary(period.from, period.to);
  }

  @Get('summary.csv')
  @Requires(Permission.ReadReports)
  @ApiOperation({ summary: 'The period summary as one CSV table with a `section` column (a download)' })
  @ApiProduces('text/csv')
  @PeriodDocs()
  async csv(@Query(PeriodPipe()) period: PeriodQuery, @Res({ passthrough: true }) response: Response): Promise<string> {
    const summary = await this.reports.summary(period.from, period.to);
    attachment(response, 'text/csv; charset=utf-8', reportFileName(period.from, period.to, 'csv'));
    return periodSummaryCsv(summary);
  }

  @Get('summary.pdf')
  @Requires(Permission.ReadReports)
  @ApiOperation({ summary: 'The period summary as a PDF with its charts (a download)' })
  @ApiProduces('application/pdf')
  @PeriodDocs()
  async pdf(@Query(PeriodPipe()) period: PeriodQuery, @Res() response: Response): Promise<void> {
    const pdf = await periodSummaryPdf(await this.reports.summary(period.from, period.to));
    attachment(response, 'application/pdf', reportFileName(period.from, period.to, 'pdf'));
    response.setHeader('Content-Length', String(pdf.length));
    response.end(pdf);
  }
}

function attachment(response: Response, contentType: string, fileName: string): void {
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
}
