import { Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { IncidentView } from '@watchfloor/contracts';
import { AnalysisRepository, AuditRepository } from '@watchfloor/persistence';

/**
 * Incidents are owned by the analysis consumer; people ask it to acknowledge or snooze one. The
 * request is stored (and audited) here, applied there within a second or so, and pushed live.
 */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly results: AnalysisRepository,
    private readonly audit: AuditRepository,
  ) {}

  acknowledge(incidentId: string, by: Principal): Promise<IncidentView> {
    return this.request(incidentId, by, null);
  }

  snooze(incidentId: string, minutes: number, by: Principal): Promise<IncidentView> {
    return this.request(incidentId, by, new Date(Date.now() + minutes * 60_000));
  }

  private request(incidentId: string, by: Principal, snoozeUntil: Date | null): Promise<IncidentView> {
    const actor = actorOf(by);
    return this.audit.audited(async (db, audit) => {
      const before = await this.results.findIncident(incidentId, db);
      const after = await this.results.request(incidentId, actor.label, snoozeUntil, db);
      if (before === null || after === null) throw new NotFoundException(`No open incident ${incidentId}`);
      await audit({
        actor,
        action: snoozeUntil === null ? 'incident.acknowledged' : 'incident.snoozed',
        target: { type: 'incident', id: incidentId },
        before: { acknowledgedAt: before.acknowledgedAt, snoozedUntil: before.snoozedUntil },
        after: { requested: snoozeUntil === null ? 'acknowledge' : `snooze until ${snoozeUntil.toISOString()}` },
      });
      return after;
    });
  }
}
