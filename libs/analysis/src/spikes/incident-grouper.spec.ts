import type { IncidentEvent } from './incident-grouper';
import { IncidentGrouper } from './incident-grouper';
import type { SpikeAlert, SpikeEvidence } from './spike-detector';
import { SpikeDetector } from './spike-detector';

const MINUTE = 60_000;
const NOON = Date.UTC(2031, 0, 6, 12);

function anAlert(overrides: Partial<SpikeAlert> = {}): SpikeAlert {
  const at = overrides.at ?? NOON;
  const series = overrides.series ?? 'query:brand';
  const evidence: SpikeEvidence = {
    windowMs: 60_000,
    observed: 40,
    expected: 10,
    pValue: 1e-9,
    negatives: 20,
    negativeShare: 0.5,
    expectedNegativeShare: 0.25,
    negativePValue: 1e-4,
    seasonal: true,
  };
  return {
    kind: 'opened',
    id: `${series}@${at}`,
    series,
    at,
    openedAt: at,
    reasons: ['volume'],
    evidence,
    ...overrides,
  };
}

function closing(opened: SpikeAlert, at: number): SpikeAlert {
  return { ...opened, kind: 'closed', at };
}

describe('IncidentGrouper', () => {
  it('turns a 30-minute wobbling crisis on a query and its issue into one incident and a handful of alerts', () => {
    const detector = new SpikeDetector();
    const grouper = new IncidentGrouper();
    const alerts: SpikeAlert[] = [];
    const events: IncidentEvent[] = [];
    const file = (alert: SpikeAlert | undefined) => {
      if (alert === undefined) return;
      alerts.push(alert);
      const event = grouper.add(alert, alert.series === 'issue:sk417' ? ['query:brand'] : []);
      if (event !== undefined) events.push(event);
    };
    // Volume per minute: 10 before, then 30 minutes swinging between 90 and 25 every 3 minutes, then 10.
    const perMinute = (at: number) => {
      const minute = (at - NOON) / MINUTE;
      if (minute < 0 || minute >= 30) return 10;
      return Math.floor(minute / 3) % 2 === 0 ? 90 : 25;
    };
    let due = 0;
    let voices = 0;
    for (let at = NOON - 60 * MINUTE; at < NOON + 120 * MINUTE; at += 1_000) {
      for (due += perMinute(at) / 60; due >= 1; due--) {
        // In the crisis four voices in five are about it (negative, in its issue); the rest is the usual.
        const aboutIt = at >= NOON && at < NOON + 30 * MINUTE && voices++ % 5 !== 0;
        file(detector.record('query:brand', at, 1, aboutIt ? 1 : 0));
        if (aboutIt) file(detector.record('issue:sk417', at, 1, 1));
      }
      if (at % 5_000 === 0) {
        detector.advance(at).forEach(file);
        events.push(...grouper.tick(at));
      }
    }
    const opened = events.filter((event) => event.kind === 'opened');
    expect(opened).toHaveLength(1);
    // One spike per series, each opened once and closed once: the dips to 25 a minute are not quiet.
    expect(alerts.map((alert) => `${alert.kind} ${alert.series}`).sort()).toEqual([
      'closed issue:sk417',
      'closed query:brand',
      'opened issue:sk417',
      'opened query:brand',
    ]);
    expect(events.filter((event) => event.notify)).toHaveLength(1);
    const resolved = events.find((event) => event.kind === 'resolved');
    expect(resolved?.incident.series).toEqual(expect.arrayContaining(['query:brand', 'issue:sk417']));
    expect(resolved?.incident.alertCount).toBe(alerts.length);
  });

  it('groups an issue alert with a later alert on the query it belongs to', () => {
    const grouper = new IncidentGrouper();
    const first = grouper.add(anAlert({ series: 'issue:bags' }), ['query:brand']);
    const second = grouper.add(anAlert({ series: 'query:brand', at: NOON + 2 * MINUTE }));
    expect(first?.kind).toBe('opened');
    expect(second).toMatchObject({ kind: 'updated', notify: false, incident: { id: first?.incident.id } });
    expect(second?.incident.series).toEqual(['issue:bags', 'query:brand']);
  });

  it('keeps unrelated series apart', () => {
    const grouper = new IncidentGrouper();
    grouper.add(anAlert({ series: 'query:brand' }));
    grouper.add(anAlert({ series: 'query:competitor', at: NOON + MINUTE }));
    expect(grouper.openIncidents()).toHaveLength(2);
  });

  it('notifies again for news after renotifyMs, but never once acknowledged; resolves when quiet', () => {
    const grouper = new IncidentGrouper();
    const first = anAlert();
    const incidentId = grouper.add(first)!.incident.id;
    grouper.add(closing(first, NOON + 5 * MINUTE));
    const reopened = anAlert({ series: 'issue:refunds', at: NOON + 15 * MINUTE });
    expect(grouper.add(reopened, ['query:brand'])?.notify).toBe(true);
    expect(grouper.acknowledge(incidentId, NOON + 16 * MINUTE, 'dana')?.incident.acknowledgedBy).toBe('dana');
    expect(grouper.add(anAlert({ series: 'issue:seats', at: NOON + 40 * MINUTE }), ['query:brand'])?.notify).toBe(
      false,
    );
    // Acknowledged, but still open while spikes are open.
    expect(grouper.tick(NOON + 120 * MINUTE)).toEqual([]);
    grouper.add(closing(reopened, NOON + 121 * MINUTE), ['query:brand']);
    grouper.add(closing(anAlert({ series: 'issue:seats', at: NOON + 40 * MINUTE }), NOON + 122 * MINUTE));
    expect(grouper.tick(NOON + 140 * MINUTE)).toEqual([]);
    const [resolved] = grouper.tick(NOON + 152 * MINUTE);
    expect(resolved).toMatchObject({ kind: 'resolved', notify: false, incident: { resolvedAt: NOON + 152 * MINUTE } });
    expect(grouper.openIncidents()).toEqual([]);
  });

  it('stays silent while snoozed and says once, when the snooze ends, that there was news', () => {
    const grouper = new IncidentGrouper();
    const incidentId = grouper.add(anAlert())!.incident.id;
    grouper.snooze(incidentId, NOON + 60 * MINUTE, NOON + MINUTE);
    expect(grouper.add(anAlert({ series: 'issue:a', at: NOON + 20 * MINUTE }), ['query:brand'])?.notify).toBe(false);
    expect(grouper.add(anAlert({ series: 'issue:b', at: NOON + 40 * MINUTE }), ['query:brand'])?.notify).toBe(false);
    expect(grouper.tick(NOON + 59 * MINUTE)).toEqual([]);
    const afterSnooze = grouper.tick(NOON + 60 * MINUTE);
    expect(afterSnooze).toMatchObject([{ kind: 'updated', notify: true }]);
    expect(afterSnooze[0]?.incident.snoozedUntil).toBeUndefined();
  });

  it('starts a new incident for an alert after the last one resolved', () => {
    const grouper = new IncidentGrouper();
    const first = anAlert();
    grouper.add(first);
    grouper.add(closing(first, NOON + 5 * MINUTE));
    grouper.tick(NOON + 35 * MINUTE);
    const later = grouper.add(anAlert({ at: NOON + 50 * MINUTE }));
    expect(later).toMatchObject({ kind: 'opened', notify: true });
  });
});
