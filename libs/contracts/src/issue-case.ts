/** The PR view of an emerging issue: its case (owner, status, priority), notes, timeline and post-mortem. */
import type { Platform } from '@watchfloor/domain';
import type { IssueView } from './analysis-events';
import type { TriagePriority } from './triage';

/** Stored as text: never rename a value. */
export const ISSUE_CASE_STATUSES = ['new', 'investigating', 'responding', 'monitoring', 'resolved'] as const;
export type IssueCaseStatus = (typeof ISSUE_CASE_STATUSES)[number];

/** Who raised an issue to P1 when analysis did (a spike incident opened on it). */
export const SPIKE_INCIDENT_ACTOR = 'spike incident';

export interface PersonRef {
  id: string;
  name: string;
}

export interface IssueCaseView {
  issueId: string;
  status: IssueCaseStatus;
  owner: PersonRef | null;
  priority: TriagePriority | null;
  /** A person's name, or 'spike incident'. */
  prioritySetBy: string | null;
  prioritySetAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: PersonRef | null;
  /** A P1 nobody has acknowledged yet: what puts the wall in crisis mode. */
  awaitingAcknowledgement: boolean;
  /** Null for an issue nobody has touched yet. */
  updatedAt: string | null;
  /** Send it back as `expectedVersion` when changing the case; 0 for an untouched issue. */
  version: number;
}

/** An issue as the PR list shows it: what analysis concluded, and where the team stands on it. */
export interface IssueListEntry extends IssueView {
  case: IssueCaseView;
}

export interface IssueNoteView {
  id: string;
  issueId: string;
  author: PersonRef;
  text: string;
  createdAt: string;
}

export interface IssuePlatformShare {
  platform: Platform;
  volume: number;
  negative: number;
}

export interface IssueTimelinePoint {
  /** The bucket's start, epoch milliseconds (a numeric chart axis). */
  at: number;
  volume: number;
  negative: number;
  /** negative / volume; 0 for an empty bucket. */
  negativeShare: number;
  /** Summed reach of the bucket's mentions, on the scale issues use (0–100 a mention). */
  reach: number;
}

export interface IssueTimelineView {
  issueId: string;
  bucketMinutes: number;
  points: IssueTimelinePoint[];
  platforms: IssuePlatformShare[];
}

export interface IssueDetailView {
  issue: IssueView;
  case: IssueCaseView;
  notes: IssueNoteView[];
  platforms: IssuePlatformShare[];
  /** Who may own an issue: active people who can manage issues. */
  owners: PersonRef[];
}

/** Stored as text in issue_case_event.kind for the case_* kinds: never rename a value. */
export type IncidentTimelineKind =
  | 'first_seen'
  | 'incident_opened'
  | 'incident_acknowledged'
  | 'incident_resolved'
  | 'case_priority'
  | 'case_owner'
  | 'case_status'
  | 'case_acknowledged'
  | 'note'
  | 'triage'
  | 'reply';

/** One line of a post-mortem: what happened to an issue, when, and who did it. */
export interface IncidentTimelineEntry {
  at: string;
  kind: IncidentTimelineKind;
  /** A person's name, 'analysis', 'rules' or 'spike incident'. */
  actor: string;
  /** What it concerns besides the issue: an incident id, a triage item id. */
  ref: string | null;
  /** What changed: 'P3 → P1', 'claimed', 'resolved'. */
  change: string | null;
  /** Words someone wrote: a note, a reply. */
  text: string | null;
}
