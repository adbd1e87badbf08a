import type { SpikeAlert, SpikeEvidence } from './spike-detector';

export interface IncidentGrouperOptions {
  /** An incident whose spikes have all closed resolves after this much quiet; alerts before then rejoin it. */
  quietMs: number;
  /** One notification per incident per this long: a wobbling crisis pages once, not at every reopening. */
  renotifyMs: number;
  /** Alerts kept per incident (all are counted); the earliest one is always kept as the origin. */
  maxAlertsKept: number;
  /** Open incidents beyond this resolve oldest first: bounded memory if everything is on fire. */
  maxOpenIncidents: number;
}

export const DEFAULT_INCIDENT_OPTIONS: IncidentGrouperOptions = {
  quietMs: 30 * 60_000,
  renotifyMs: 10 * 60_000,
  maxAlertsKept: 20,
  maxOpenIncidents: 1_000,
};

export interface Incident {
  /** `incident:<first alert id>`: a replay yields the same ids. */
  id: string;
  openedAt: number;
  updatedAt: number;
  resolvedAt: number | undefined;
  /** Series that alerted, in order of first alert. */
  series: readonly string[];
  /** Series named as related (an issue's queries): what later alerts join on, besides `series`. */
  related: readonly string[];
  /** Ids of spikes opened and not yet closed. */
  openSpikes: readonly string[];
  alerts: readonly SpikeAlert[];
  alertCount: number;
  /** The window with the highest observed/expected among its alerts. */
  peak: SpikeEvidence;
  acknowledgedAt: number | undefined;
  acknowledgedBy: string | undefined;
  snoozedUntil: number | undefined;
  notifications: number;
}

export type IncidentEventKind = 'opened' | 'updated' | 'acknowledged' | 'snoozed' | 'resolved';

export interface IncidentEvent {
  kind: IncidentEventKind;
  at: number;
  /** A copy: the grouper's own state is never handed out. */
  incident: Incident;
  /** Whether to page people: new incidents, and news on one nobody acknowledged or snoozed. */
  notify: boolean;
}

interface IncidentState {
  id: string;
  openedAt: number;
  updatedAt: number;
  series: string[];
  related: string[];
  keys: Set<string>;
  openSpikes: Set<string>;
  alerts: SpikeAlert[];
  alertCount: number;
  peak: SpikeEvidence;
  acknowledgedAt: number | undefined;
  acknowledgedBy: string | undefined;
  snoozedUntil: number | undefined;
  lastNotifiedAt: number;
  notifications: number;
  /** Alerts that would have notified but for a snooze: reported once it ends. */
  suppressed: number;
}

/**
 * Groups spike alerts into incidents so a burst is one thing to look at: alerts of a series, or
 * of a related series (an issue and the query it belongs to), join the open incident that holds
 * it. Acknowledging stops notifications but not the incident; snoozing stops them until a time.
 * An incident resolves once none of its spikes is open and it has been quiet for `quietMs`.
 */
export class IncidentGrouper {
  readonly options: IncidentGrouperOptions;
  private readonly incidents = new Map<string, IncidentState>();
  /** Series or related key → the open incident holding it. */
  private readonly byKey = new Map<string, string>();

  constructor(options: Partial<IncidentGrouperOptions> = {}) {
    this.options = { ...DEFAULT_INCIDENT_OPTIONS, ...options };
  }

  /** Files an alert; `related` are series it belongs with (for `issue:x`, its `query:` series). */
  add(alert: SpikeAlert, related: readonly string[] = []): IncidentEvent | undefined {
    const existing = this.find([alert.series, ...related]);
    if (alert.kind === 'closed') {
      if (existing === undefined || !existing.openSpikes.delete(alert.id)) return undefined;
      this.remember(existing, alert);
      return this.event('updated', existing, alert.at, false);
    }
    if (existing === undefined) return this.open(alert, related);
    existing.openSpikes.add(alert.id);
    this.remember(existing, alert);
    this.index(existing, alert.series, related);
    return this.event('updated', existing, alert.at, this.shouldNotify(existing, alert.at));
  }

  /** Resolves quiet incidents and reports snoozes that ended with news; run every few seconds. */
  tick(now: number): IncidentEvent[] {
    const events: IncidentEvent[] = [];
    for (const incident of this.incidents.values()) {
      if (incident.openSpikes.size === 0 && now - incident.updatedAt >= this.options.quietMs) {
        events.push(this.resolve(incident, now));
        continue;
      }
      if (incident.snoozedUntil !== undefined && now >= incident.snoozedUntil) {
        incident.snoozedUntil = undefined;
        if (incident.suppressed > 0 && incident.acknowledgedAt === undefined) {
          events.push(this.event('updated', incident, now, this.shouldNotify(incident, now)));
        }
      }
    }
    return events;
  }

  acknowledge(id: string, at: number, by?: string): IncidentEvent | undefined {
    const incident = this.incidents.get(id);
    if (incident === undefined) return undefined;
    incident.acknowledgedAt ??= at;
    incident.acknowledgedBy ??= by;
    return this.event('acknowledged', incident, at, false);
  }

  snooze(id: string, until: number, at: number): IncidentEvent | undefined {
    const incident = this.incidents.get(id);
    if (incident === undefined) return undefined;
    incident.snoozedUntil = until;
    return this.event('snoozed', incident, at, false);
  }

  get(id: string): Incident | undefined {
    const incident = this.incidents.get(id);
    return incident === undefined ? undefined : this.snapshot(incident, undefined);
  }

  openIncidents(): Incident[] {
    return [...this.incidents.values()].map((incident) => this.snapshot(incident, undefined));
  }

  private find(keys: readonly string[]): IncidentState | undefined {
    for (const key of keys) {
      const id = this.byKey.get(key);
      if (id !== undefined) return this.incidents.get(id);
    }
    return undefined;
  }

  private open(alert: SpikeAlert, related: readonly string[]): IncidentEvent {
    if (this.incidents.size >= this.options.maxOpenIncidents) {
      const oldest = this.incidents.values().next();
      if (oldest.done !== true) this.resolve(oldest.value, alert.at);
    }
    const incident: IncidentState = {
      id: `incident:${alert.id}`,
      openedAt: alert.at,
      updatedAt: alert.at,
      series: [],
      related: [],
      keys: new Set(),
      openSpikes: new Set([alert.id]),
      alerts: [alert],
      alertCount: 1,
      peak: alert.evidence,
      acknowledgedAt: undefined,
      acknowledgedBy: undefined,
      snoozedUntil: undefined,
      lastNotifiedAt: alert.at,
      notifications: 1,
      suppressed: 0,
    };
    this.incidents.set(incident.id, incident);
    this.index(incident, alert.series, related);
    return this.event('opened', incident, alert.at, true);
  }

  private index(incident: IncidentState, series: string, related: readonly string[]): void {
    if (!incident.series.includes(series)) incident.series.push(series);
    incident.keys.add(series);
    this.byKey.set(series, incident.id);
    for (const key of related) {
      if (incident.keys.has(key)) continue;
      incident.keys.add(key);
      incident.related.push(key);
      // A key already held by another open incident stays with it: first come, first grouped.
      if (!this.byKey.has(key)) this.byKey.set(key, incident.id);
    }
  }

  private remember(incident: IncidentState, alert: SpikeAlert): void {
    incident.updatedAt = alert.at;
    incident.alertCount++;
    incident.alerts.push(alert);
    // Keep the origin and the latest ones: the first alert explains the incident, the last ones its state.
    if (incident.alerts.length > this.options.maxAlertsKept) incident.alerts.splice(1, 1);
    if (ratioOf(alert.evidence) > ratioOf(incident.peak)) incident.peak = alert.evidence;
  }

  private shouldNotify(incident: IncidentState, at: number): boolean {
    if (incident.acknowledgedAt !== undefined) return false;
    if (incident.snoozedUntil !== undefined && at < incident.snoozedUntil) {
      incident.suppressed++;
      return false;
    }
    if (at - incident.lastNotifiedAt < this.options.renotifyMs) return false;
    incident.lastNotifiedAt = at;
    incident.notifications++;
    incident.suppressed = 0;
    return true;
  }

  private resolve(incident: IncidentState, at: number): IncidentEvent {
    this.incidents.delete(incident.id);
    for (const key of incident.keys) {
      if (this.byKey.get(key) === incident.id) this.byKey.delete(key);
    }
    return this.event('resolved', incident, at, false, at);
  }

  private event(
    kind: IncidentEventKind,
    incident: IncidentState,
    at: number,
    notify: boolean,
    resolvedAt?: number,
  ): IncidentEvent {
    return { kind, at, incident: this.snapshot(incident, resolvedAt), notify };
  }

  private snapshot(incident: IncidentState, resolvedAt: number | undefined): Incident {
    return {
      id: incident.id,
      openedAt: incident.openedAt,
      updatedAt: incident.updatedAt,
      resolvedAt,
      series: [...incident.series],
      related: [...incident.related],
      openSpikes: [...incident.openSpikes],
      alerts: [...incident.alerts],
      alertCount: incident.alertCount,
      peak: incident.peak,
      acknowledgedAt: incident.acknowledgedAt,
      acknowledgedBy: incident.acknowledgedBy,
      snoozedUntil: incident.snoozedUntil,
      notifications: incident.notifications,
    };
  }
}

function ratioOf(evidence: SpikeEvidence): number {
  return evidence.observed / Math.max(evidence.expected, 1e-9);
}
