import type { LiveMention, ReplyView, TriageEventView, TriageItemView, TriageStats } from '@watchfloor/contracts';
import type { SentimentLabel } from '@watchfloor/domain';
import { apiFetch } from '../api/http';
import { inboxQuery } from './inbox-filter';
import type { InboxFilter } from './inbox-filter';

export type TransitionAction = 'wait' | 'customerReplied' | 'resolve' | 'reopen' | 'markSpam';
export type BulkAction = 'resolve' | 'markSpam';
export type CorrectedSentiment = Exclude<SentimentLabel, 'unsupported'>;
export type Correction = { sentiment: CorrectedSentiment } | { notRelevant: true };

export interface ItemWithHistory {
  item: TriageItemView;
  events: TriageEventView[];
  replies: ReplyView[];
}

export interface ResponseTemplate {
  id: string;
  name: string;
  body: string;
  teamId: string | null;
}

/** GET /api/triage/teams: the teams whose inboxes the person sees, with their active members. */
export interface TeamRoster {
  id: string;
  name: string;
  members: { id: string; name: string }[];
}

/** GET /api/users (users:read), as far as the console reads it. */
export interface UserResponse {
  id: string;
  displayName: string;
  role: string;
  disabled: boolean;
}

/** The triage API (contract: /work/notes/triage-api.md), one method per call; the console's only I/O over HTTP. */
export interface TriageClient {
  listItems(filter: InboxFilter, limit: number): Promise<TriageItemView[]>;
  getItem(itemId: string): Promise<ItemWithHistory>;
  claim(itemId: string): Promise<TriageItemView>;
  release(itemId: string): Promise<TriageItemView>;
  assign(itemId: string, userId: string): Promise<TriageItemView>;
  transition(itemId: string, action: TransitionAction): Promise<TriageItemView>;
  addNote(itemId: string, text: string): Promise<TriageEventView>;
  setTags(itemId: string, tags: string[]): Promise<TriageItemView>;
  correct(itemId: string, correction: Correction): Promise<TriageItemView>;
  reply(itemId: string, text: string, idempotencyKey: string): Promise<ReplyView>;
  bulk(ids: string[], action: BulkAction): Promise<{ updated: number; skipped: number }>;
  templates(): Promise<ResponseTemplate[]>;
  stats(): Promise<TriageStats>;
  rosters(): Promise<TeamRoster[]>;
  users(): Promise<UserResponse[]>;
  /** The newest mentions, flagged or not, for the live stream beside the inbox. */
  recentMentions(limit: number): Promise<LiveMention[]>;
}

const item = (itemId: string) => `/triage/items/${encodeURIComponent(itemId)}`;
const post = <T>(path: string, body: unknown = {}) => apiFetch<T>(path, { method: 'POST', body });

export const httpTriageClient: TriageClient = {
  listItems: (filter, limit) => apiFetch(`/triage/items?${inboxQuery(filter, limit)}`),
  getItem: (itemId) => apiFetch(item(itemId)),
  claim: (itemId) => post(`${item(itemId)}/claim`),
  release: (itemId) => post(`${item(itemId)}/release`),
  assign: (itemId, userId) => post(`${item(itemId)}/assign`, { userId }),
  transition: (itemId, action) => post(`${item(itemId)}/transition`, { action }),
  addNote: (itemId, text) => post(`${item(itemId)}/notes`, { text }),
  setTags: (itemId, tags) => apiFetch(`${item(itemId)}/tags`, { method: 'PUT', body: { tags } }),
  correct: (itemId, correction) => post(`${item(itemId)}/correction`, correction),
  reply: (itemId, text, idempotencyKey) =>
    apiFetch(`${item(itemId)}/replies`, {
      method: 'POST',
      body: { text },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  bulk: (ids, action) => post('/triage/bulk', { ids, action }),
  templates: () => apiFetch('/triage/templates'),
  stats: () => apiFetch('/triage/stats'),
  rosters: () => apiFetch('/triage/teams'),
  users: () => apiFetch('/users'),
  recentMentions: (limit) => apiFetch(`/mentions/recent?limit=${limit}`),
};
