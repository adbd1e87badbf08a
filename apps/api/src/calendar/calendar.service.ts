import { Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { CalendarEventView } from '@watchfloor/contracts';
import { AuditRepository, CalendarRepository } from '@watchfloor/persistence';
import type { CalendarEventBody } from './calendar.dto';

/** The marketing calendar: every change is on the audit record. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(from: Date, to: Date): Promise<CalendarEventView[]> {
    return this.calendar.overlapping(from, to);
  }

  create(event: CalendarEventBody, by: Principal): Promise<CalendarEventView> {
    return this.audit.audited(async (db, audit) => {
      const created = await this.calendar.create(event, by.kind === 'user' ? by.userId : null, db);
      await audit({
        actor: actorOf(by),
        action: 'calendar.created',
        target: { type: 'calendar-event', id: created.id },
        before: null,
        after: created,
      });
      return created;
    });
  }

  update(id: string, event: CalendarEventBody, by: Principal): Promise<CalendarEventView> {
    return this.audit.audited(async (db, audit) => {
      const before = await this.calendar.find(id, db);
      const updated = before === null ? null : await this.calendar.update(id, event, db);
      if (updated === null) throw new NotFoundException(`No calendar event ${id}`);
      await audit({
        actor: actorOf(by),
        action: 'calendar.updated',
        target: { type: 'calendar-event', id },
        before,
        after: updated,
      });
      return updated;
    });
  }

  remove(id: string, by: Principal): Promise<void> {
    return this.audit.audited(async (db, audit) => {
      const removed = await this.calendar.remove(id, db);
      if (removed === null) throw new NotFoundException(`No calendar event ${id}`);
      await audit({
        actor: actorOf(by),
        action: 'calendar.removed',
        target: { type: 'calendar-event', id },
        before: removed,
        after: null,
      });
    });
  }
}
