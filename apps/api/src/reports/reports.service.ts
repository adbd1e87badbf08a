import { Injectable } from '@nestjs/common';
import type { PeriodSummary } from '@watchfloor/contracts';
import { CalendarRepository, ReportRepository } from '@watchfloor/persistence';
import { reportBucketFor, summarisePeriod } from '@watchfloor/reports';

/** Period reports: the database aggregates, the reports library derives totals and renders. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly calendar: CalendarRepository,
  ) {}

  async summary(from: Date, to: Date): Promise<PeriodSummary> {
    const [figures, events] = await Promise.all([
      this.reports.figures(from, to, reportBucketFor(from, to)),
      this.calendar.overlapping(from, to),
    ]);
    return summarisePeriod(from, to, figures, events, new Date());
  }
}
