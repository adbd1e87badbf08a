import type { Platform, SentimentLabel } from '@watchfloor/domain';

/** The triage console's data, as the API answers with it and the live socket pushes it. */

/** Stored as text: never rename a value. */
export const TRIAGE_STATUSES = ['new', 'in_progress', 'waiting', 'responded', 'resolved', 'escalated', 'spam'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export type TriagePriority = 'P1' | 'P2' | 'P3' | 'P4';

export interface TriageReason {
  condition: string;
  detail: string;
}

/** A word, phrase, emoji or cue that moved the sentiment score, and by how much: "why flagged". */
export interface ExplanationTerm {
  text: string;
  weight: number;
}

export interface TriageItemView {
  id: string;
  status: TriageStatus;
  priority: TriagePriority;
  teamId: string;
  teamName: string;
  assignee: { id: string; name: string } | null;
  /** When the first-response SLA runs out (null: no SLA, or already responded). */
  dueAt: string | null;
  /** True while the clock is paused (waiting on the customer, or outside business hours). */
  slaPaused: boolean;
  escalationLevel: number;
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  tags: string[];
  /** Reposts and near-duplicates of this post seen since: one item, with a count. */
  echoCount: number;
  rule: { id: string; name: string; version: number; reasons: TriageReason[] };
  mention: {
    id: string;
    platform: Platform;
    url: string;
    text: string;
    createdAt: string;
    author: { handle: string; name?: string; followers?: number; verified?: boolean };
    sentiment: { label: SentimentLabel; score: number; confidence: number };
    lang: string | null;
    queryIds: string[];
    explanation: ExplanationTerm[];
  };
  /** A person's correction of analysis, if any. */
  correction: { sentiment: SentimentLabel | null; notRelevant: boolean } | null;
  /** Optimistic concurrency: a change names the version it saw. */
  version: number;
}

export interface TriageEventView {
  id: string;
  at: string;
  actor: string;
  kind:
    'created' | 'claimed' | 'assigned' | 'released' | 'status' | 'note' | 'tags' | 'reply' | 'escalated' | 'correction';
  detail: Record<string, unknown>;
}

export interface ReplyView {
  id: string;
  text: string;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'unsupported';
  externalId: string | null;
  error: string | null;
  createdAt: string;
  author: string;
}

/** Someone at an item right now. */
export interface PresenceEntry {
  userId: string;
  name: string;
  activity: 'viewing' | 'replying';
}

export interface PresenceEvent {
  itemId: string;
  people: PresenceEntry[];
}

export interface TriageItemsEvent {
  items: TriageItemView[];
}

/** GET /api/triage/stats: first-response and resolution times per team and agent, measured accuracy of analysis. */
export interface TriageStats {
  teams: {
    teamId: string;
    name: string;
    items: number;
    open: number;
    responded: number;
    medianFirstResponseMinutes: number | null;
    medianResolutionMinutes: number | null;
  }[];
  agents: { userId: string; name: string; items: number; medianFirstResponseMinutes: number | null }[];
  /**
   * Analysis checked by people: an item is reviewed once someone corrected it or answered or
   * resolved it without correcting it; accuracy is the share of reviewed items left uncorrected.
   */
  accuracy: {
    language: string;
    queryId: string | null;
    reviewed: number;
    corrected: number;
    accuracy: number | null;
  }[];
}
