import { formatSla, slaState } from './sla-countdown';
import { aTriageItem } from './triage-item.factory';

const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const due = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

describe('the SLA countdown', () => {
  it('counts down in minutes and seconds, rounding up so it never shows 00:00 before the deadline', () => {
    expect(formatSla(slaState(aTriageItem({ dueAt: due(4 * 60_000 + 59_500) }), NOW))).toBe('05:00');
    expect(formatSla(slaState(aTriageItem({ dueAt: due(65_000) }), NOW))).toBe('01:05');
    expect(formatSla(slaState(aTriageItem({ dueAt: due(300) }), NOW))).toBe('00:01');
  });

  it('shows hours once more than an hour is left', () => {
    expect(formatSla(slaState(aTriageItem({ dueAt: due(2 * 3_600_000 + 3 * 60_000 + 4_000) }), NOW))).toBe('2:03:04');
  });

  it('says how long it is overdue, in seconds, then minutes, hours and days', () => {
    const overdue = (ms: number) => formatSla(slaState(aTriageItem({ dueAt: due(-ms) }), NOW));
    expect(overdue(0)).toBe('overdue 0s');
    expect(overdue(42_000)).toBe('overdue 42s');
    expect(overdue(3 * 60_000 + 10_000)).toBe('overdue 3m');
    expect(overdue(2 * 3_600_000 + 5 * 60_000)).toBe('overdue 2h 05m');
    expect(overdue(26 * 3_600_000)).toBe('overdue 1d 2h');
    expect(slaState(aTriageItem({ dueAt: due(-1) }), NOW).kind).toBe('overdue');
  });

  it('is paused while waiting on the customer or outside business hours', () => {
    const state = slaState(aTriageItem({ dueAt: due(-60_000), slaPaused: true }), NOW);
    expect(state).toEqual({ kind: 'paused' });
    expect(formatSla(state)).toBe('paused');
  });

  it('shows nothing for an item without a deadline, answered, resolved or spam', () => {
    expect(slaState(aTriageItem({ dueAt: null }), NOW)).toEqual({ kind: 'none' });
    expect(slaState(aTriageItem({ dueAt: due(-1), status: 'resolved' }), NOW)).toEqual({ kind: 'none' });
    expect(slaState(aTriageItem({ dueAt: due(-1), status: 'spam' }), NOW)).toEqual({ kind: 'none' });
    expect(formatSla({ kind: 'none' })).toBe('—');
  });
});
