import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { CalendarRepository, ReportRepository } from '@watchfloor/persistence';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Period reports as JSON, CSV and PDF. */
@Module({
  controllers: [ReportsController],
  providers: [...provideRepositories(ReportRepository, CalendarRepository), ReportsService],
})
export class ReportsModule {}
