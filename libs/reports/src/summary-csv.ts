import type { PeriodSummary } from '@watchfloor/contracts';
import { toCsv } from '@watchfloor/domain';
import type { CsvCell } from '@watchfloor/domain';

/**
 * The period summary as ONE flat table with a `section` column (total, volume, share_of_voice,
 * issue, response_times, calendar) rather than stacked blocks with headers of their own: a
 * spreadsheet user filters or pivots on `section` with one header row, and sorting never mixes a
 * block's header into its data. Columns a section does not use stay empty.
 */
const COLUMNS = [
  'section',
  'at',
  'ends_at',
  'name',
  'kind',
  'mentions',
  'positive',
  'neutral',
  'negative',
  'unsupported',
  'mean_sentiment',
  'share',
  'negative_share',
  'reach',
  'items',
  'responded',
  'median_first_response_minutes',
  'p90_first_response_minutes',
  'resolved',
  'sla_breaches',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, CsvCell>>;

export function periodSummaryCsv(summary: PeriodSummary): string {
  const { totals, period } = summary;
  const rows: Row[] = [
    {
      section: 'total',
      at: period.from,
      ends_at: period.to,
      kind: period.bucket,
      mentions: totals.mentions,
      positive: totals.positive,
      neutral: totals.neutral,
      negative: totals.negative,
      unsupported: totals.unsupported,
      mean_sentiment: totals.meanSentiment,
      items: totals.flaggedItems,
      resolved: totals.resolvedItems,
      sla_breaches: totals.slaBreaches,
    },
    ...summary.volume.map((bucket) => ({
      section: 'volume',
      at: bucket.at,
      kind: period.bucket,
      mentions: bucket.positive + bucket.neutral + bucket.negative + bucket.unsupported,
      positive: bucket.positive,
      neutral: bucket.neutral,
      negative: bucket.negative,
      unsupported: bucket.unsupported,
      mean_sentiment: bucket.meanSentiment,
    })),
    ...summary.shareOfVoice.map((query) => ({
      section: 'share_of_voice',
      name: query.name,
      kind: query.kind,
      mentions: query.mentions,
      share: query.share,
      negative_share: query.negativeShare,
    })),
    ...summary.topIssues.map((issue) => ({
      section: 'issue',
      at: issue.firstSeen,
      ends_at: issue.lastSeen,
      name: issue.title,
      kind: issue.status,
      mentions: issue.volume,
      negative_share: issue.negativeShare,
      reach: issue.reach,
    })),
    ...summary.responseTimes.map((team) => ({
      section: 'response_times',
      name: team.teamName,
      items: team.items,
      responded: team.responded,
      median_first_response_minutes: team.medianFirstResponseMinutes,
      p90_first_response_minutes: team.p90FirstResponseMinutes,
      resolved: team.resolved,
      sla_breaches: team.slaBreaches,
    })),
    ...summary.calendar.map((event) => ({
      section: 'calendar',
      at: event.startsAt,
      ends_at: event.endsAt,
      name: event.title,
      kind: event.kind,
    })),
  ];
  return toCsv(
    [...COLUMNS],
    rows.map((row) => COLUMNS.map((column) => row[column] ?? null)),
  );
}
