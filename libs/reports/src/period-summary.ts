import type { CalendarEventView, PeriodSummary, PeriodTotals } from '@watchfloor/contracts';
import { reportBucketFor } from './period';

/** What the database aggregates; the totals are derived from it here so they always add up. */
export type PeriodFigureSet = Pick<PeriodSummary, 'volume' | 'shareOfVoice' | 'topIssues' | 'responseTimes'>;

export function summarisePeriod(
  from: Date,
  to: Date,
  figures: PeriodFigureSet,
  calendar: CalendarEventView[],
  now: Date,
): PeriodSummary {
  return {
    period: { from: from.toISOString(), to: to.toISOString(), bucket: reportBucketFor(from, to) },
    generatedAt: now.toISOString(),
    totals: totalsOf(figures),
    ...figures,
    calendar,
  };
}

function totalsOf(figures: PeriodFigureSet): PeriodTotals {
  const sum = <T>(items: T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);
  const { volume, responseTimes } = figures;
  const positive = sum(volume, (bucket) => bucket.positive);
  const neutral = sum(volume, (bucket) => bucket.neutral);
  const negative = sum(volume, (bucket) => bucket.negative);
  const unsupported = sum(volume, (bucket) => bucket.unsupported);
  const scored = positive + neutral + negative;
  // Buckets carry means; weighting each by its scored count gives back the period's mean.
  const scoreSum = sum(
    volume,
    (bucket) => (bucket.meanSentiment ?? 0) * (bucket.positive + bucket.neutral + bucket.negative),
  );
  return {
    mentions: scored + unsupported,
    positive,
    neutral,
    negative,
    unsupported,
    meanSentiment: scored === 0 ? null : Math.round((scoreSum / scored) * 1000) / 1000,
    flaggedItems: sum(responseTimes, (team) => team.items),
    resolvedItems: sum(responseTimes, (team) => team.resolved),
    slaBreaches: sum(responseTimes, (team) => team.slaBreaches),
  };
}
