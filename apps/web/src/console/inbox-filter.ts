import { TRIAGE_STATUSES } from '@watchfloor/contracts';
import type { TriageItemView, TriagePriority, TriageStatus } from '@watchfloor/contracts';

export const PRIORITIES: readonly TriagePriority[] = ['P1', 'P2', 'P3', 'P4'];

/** `open`: everything still to be worked, as the API's `status=open` filter means it. */
export type StatusFilter = 'open' | TriageStatus;
export const STATUS_FILTERS: readonly StatusFilter[] = ['open', ...TRIAGE_STATUSES];
export const OPEN_STATUSES: ReadonlySet<TriageStatus> = new Set<TriageStatus>([
  'new',
  'in_progress',
  'waiting',
  'responded',
  'escalated',
]);

/** A status as people read it: "in progress", not "in_progress". */
export function statusLabel(status: string): string {
  return status.replace('_', ' ');
}

export type AssigneeFilter = 'anyone' | 'me' | 'unassigned';
export const ASSIGNEE_FILTERS: readonly AssigneeFilter[] = ['anyone', 'me', 'unassigned'];

export interface InboxFilter {
  /** null: all the teams the person belongs to. */
  teamId: string | null;
  status: StatusFilter;
  priority: TriagePriority | null;
  assignee: AssigneeFilter;
}

export const DEFAULT_FILTER: InboxFilter = { teamId: null, status: 'open', priority: null, assignee: 'anyone' };

/** The most items one inbox fetch asks for. */
export const INBOX_LIMIT = 100;

export function sameFilter(a: InboxFilter, b: InboxFilter): boolean {
  return a.teamId === b.teamId && a.status === b.status && a.priority === b.priority && a.assignee === b.assignee;
}

/** The query string of GET /api/triage/items for a filter. */
export function inboxQuery(filter: InboxFilter, limit = INBOX_LIMIT): string {
  const params = new URLSearchParams({ status: filter.status, limit: String(limit) });
  if (filter.teamId !== null) params.set('teamId', filter.teamId);
  if (filter.priority !== null) params.set('priority', filter.priority);
  if (filter.assignee !== 'anyone') params.set('assignee', filter.assignee);
  return params.toString();
}

/** Whether an item belongs in the inbox the filter shows: decides what a live update adds or drops. */
export function matchesFilter(item: TriageItemView, filter: InboxFilter, selfId: string): boolean {
  if (filter.teamId !== null && item.teamId !== filter.teamId) return false;
  if (filter.status === 'open' ? !OPEN_STATUSES.has(item.status) : item.status !== filter.status) return false;
  if (filter.priority !== null && item.priority !== filter.priority) return false;
  switch (filter.assignee) {
    case 'anyone':
      return true;
    case 'me':
      return item.assignee?.id === selfId;
    case 'unassigned':
      return item.assignee === null;
  }
}

/** Ids are bigserial numbers sent as strings: compare them as numbers without losing precision. */
function compareIds(a: string, b: string): number {
  return a.length === b.length ? (a < b ? -1 : a > b ? 1 : 0) : a.length - b.length;
}

/** The inbox's order, the server's: P1 first, then the oldest first within a priority. */
export function compareInboxOrder(a: TriageItemView, b: TriageItemView): number {
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  const byAge = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return byAge !== 0 ? byAge : compareIds(a.id, b.id);
}
