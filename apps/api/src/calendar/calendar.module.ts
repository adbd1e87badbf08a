import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { AuditRepository, CalendarRepository } from '@watchfloor/persistence';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The marketing calendar that every time chart draws. */
@Module({
  controllers: [CalendarController],
  providers: [...provideRepositories(CalendarRepository, AuditRepository), CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
