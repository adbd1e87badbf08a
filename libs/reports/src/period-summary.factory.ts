import type { CalendarEventView, PeriodSummary } from '@watchfloor/contracts';
import { summarisePeriod } from './period-summary';
import type { PeriodFigureSet } from './period-summary';

/** A small but complete period summary for specs: two daily buckets, two queries, one team, one event. */
export function aPeriodSummary(
  overrides: Partial<PeriodFigureSet> = {},
  calendar?: CalendarEventView[],
): PeriodSummary {
  const from = new Date('2025-11-01T00:00:00Z');
  const to = new Date('2025-11-04T00:00:00Z');
  return summarisePeriod(
    from,
    to,
    {
      volume: [
        { at: '2025-11-01T00:00:00.000Z', positive: 10, neutral: 5, negative: 3, unsupported: 1, meanSentiment: 0.2 },
        { at: '2025-11-02T00:00:00.000Z', positive: 2, neutral: 4, negative: 12, unsupported: 0, meanSentiment: -0.4 },
        { at: '2025-11-03T00:00:00.000Z', positive: 0, neutral: 0, negative: 0, unsupported: 0, meanSentiment: null },
      ],
      shareOfVoice: [
        { queryId: 'q1', name: 'Acme', kind: 'brand', mentions: 30, share: 0.75, negativeShare: 0.4 },
        { queryId: 'q2', name: '=Rival', kind: 'competitor', mentions: 10, share: 0.25, negativeShare: 0.1 },
      ],
      topIssues: [
        {
          issueId: 'i1',
          title: 'battery recall',
          status: 'emerging',
          volume: 12,
          negativeShare: 0.9,
          reach: 45_000,
          firstSeen: '2025-11-02T03:00:00.000Z',
          lastSeen: '2025-11-02T20:00:00.000Z',
        },
      ],
      responseTimes: [
        {
          teamId: 't1',
          teamName: 'Care, EMEA',
          items: 7,
          responded: 5,
          medianFirstResponseMinutes: 12.5,
          p90FirstResponseMinutes: 95,
          resolved: 4,
          slaBreaches: 2,
        },
      ],
      ...overrides,
    },
    calendar ?? [
      {
        id: 'e1',
        title: 'Spring launch',
        kind: 'launch',
        startsAt: '2025-11-02T09:00:00.000Z',
        endsAt: null,
        notes: '',
        createdBy: null,
        updatedAt: '2025-11-01T00:00:00.000Z',
      },
    ],
    new Date('2025-11-04T08:00:00Z'),
  );
}
