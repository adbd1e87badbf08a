import type { CalendarEventView } from './calendar';

/** A period report: what was said, how it felt, who was talked about, and how fast we answered. */
export interface PeriodSummary {
  period: {
    /** UTC ISO 8601; `to` is exclusive. */
    from: string;
    to: string;
    /** Hourly buckets for periods of two days or less, daily ones beyond. */
    bucket: ReportBucket;
  };
  generatedAt: string;
  totals: PeriodTotals;
  /** One entry per bucket of the period, empty buckets included, oldest first. */
  volume: VolumeBucket[];
  /** Every listening query, most-mentioned first. */
  shareOfVoice: QueryShare[];
  /** The issues with the most mentions in the period, most first. */
  topIssues: PeriodIssue[];
  /** Per team, for items flagged in the period. */
  responseTimes: TeamResponseTimes[];
  calendar: CalendarEventView[];
}

export type ReportBucket = 'hour' | 'day';

export interface SentimentCounts {
  positive: number;
  neutral: number;
  negative: number;
  /** A language the scorer cannot read: counted, but not as neutral. */
  unsupported: number;
}

export interface PeriodTotals extends SentimentCounts {
  mentions: number;
  /** Mean sentiment score (-1..1) of scored mentions; null when there were none. */
  meanSentiment: number | null;
  flaggedItems: number;
  resolvedItems: number;
  slaBreaches: number;
}

export interface VolumeBucket extends SentimentCounts {
  /** Start of the bucket, UTC ISO 8601. */
  at: string;
  meanSentiment: number | null;
}

export interface QueryShare {
  queryId: string;
  name: string;
  kind: 'brand' | 'competitor';
  mentions: number;
  /** This query's mentions over all queries' mentions in the period (0..1). */
  share: number;
  negativeShare: number;
}

export interface PeriodIssue {
  issueId: string;
  title: string;
  status: 'emerging' | 'closed';
  /** Mentions of the issue in the period. */
  volume: number;
  negativeShare: number;
  /** The issue's estimated reach, as analysis measured it. */
  reach: number;
  firstSeen: string;
  lastSeen: string;
}

export interface TeamResponseTimes {
  teamId: string;
  teamName: string;
  items: number;
  responded: number;
  medianFirstResponseMinutes: number | null;
  p90FirstResponseMinutes: number | null;
  resolved: number;
  /** Items whose first-response SLA ran out (escalated by the SLA clock, or overdue now). */
  slaBreaches: number;
}
