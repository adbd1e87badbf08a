/** Emerging issues, spikes and incidents as the API answers with them and the live socket pushes them. */

/** A post an issue kept to show what it is. */
export interface IssueSampleView {
  key: string;
  text: string;
  reach: number;
  at: string;
}

export interface IssueView {
  id: string;
  status: 'emerging' | 'closed';
  /**
   * What it is about, the entry that names it best first: its most shared phrases ("lost my bag",
   * "flight SK417 cancelled"), then its most frequent features (words, #hashtags, @handles, codes);
   * never the brand's or a listening query's own terms. Issues stored before phrases hold features only.
   */
  title: string[];
  firstSeen: string;
  lastSeen: string;
  /** Mentions, echoes included, and the new voices among them. */
  volume: number;
  voices: number;
  negativeShare: number;
  reach: number;
  /** New voices per minute over the last few minutes. */
  velocity: number;
  /** Where it started, the most representative and the farthest-reaching posts. */
  samples: IssueSampleView[];
  /**
   * Its most representative post: the sample closest to the issue's centre, not merely the loudest.
   * Null for issues stored before it was kept.
   */
  representative: IssueSampleView | null;
  queryIds: string[];
}

export interface SpikeEvidenceView {
  windowMs: number;
  observed: number;
  expected: number;
  pValue: number;
  negatives: number;
  negativeShare: number;
  expectedNegativeShare: number;
  negativePValue: number;
  /** False while the expectation is a cold-start level rather than the learned time-of-day profile. */
  seasonal: boolean;
}

export interface SpikeAlertView {
  kind: 'opened' | 'closed';
  id: string;
  /** `query:<id>` or `issue:<id>`. */
  series: string;
  at: string;
  openedAt: string;
  reasons: ('volume' | 'negative-share')[];
  evidence: SpikeEvidenceView;
}

export interface IncidentView {
  id: string;
  status: 'open' | 'resolved';
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  series: string[];
  related: string[];
  alertCount: number;
  peak: SpikeEvidenceView;
  alerts: SpikeAlertView[];
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  snoozedUntil: string | null;
  notifications: number;
}

export interface EchoView {
  mentionId: string;
  kind: 'original' | 'repost' | 'quote' | 'reply';
  /** mentionKey of the post it echoes: a repost's original, or its near-duplicate group's first post. */
  echoOf?: string;
  group?: { id: string; size: number };
}

/** What analysis learned from a stretch of the stream: pushed at most a few times a second. */
export interface AnalysisEvent {
  echoes: EchoView[];
  issues: IssueView[];
  closedIssues: string[];
  incidents: {
    kind: 'opened' | 'updated' | 'acknowledged' | 'snoozed' | 'resolved';
    notify: boolean;
    incident: IncidentView;
  }[];
}
