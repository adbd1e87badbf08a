import type {
  IssueCaseStatus,
  IssueCaseView,
  IssueDetailView,
  IssueListEntry,
  IssueNoteView,
  IssueTimelineView,
  TriageItemView,
  TriagePriority,
} from '@watchfloor/contracts';
import { apiFetch } from '../api/http';

export interface CaseChange {
  ownerId?: string | null;
  status?: IssueCaseStatus;
  priority?: TriagePriority | null;
  expectedVersion: number;
}

const path = (issueId: string, rest = '') => `/issues/${encodeURIComponent(issueId)}${rest}`;

/** The issues API, one function per call: the PR page's only I/O. */
export const issuesClient = {
  list: () => apiFetch<IssueListEntry[]>('/issues?status=emerging&limit=200'),
  detail: (issueId: string) => apiFetch<IssueDetailView>(path(issueId, '/case-detail')),
  timeline: (issueId: string, bucketMinutes: number) =>
    apiFetch<IssueTimelineView>(path(issueId, `/timeline?bucket=${bucketMinutes}`)),
  linkedItems: (issueId: string) => apiFetch<TriageItemView[]>(path(issueId, '/triage-items')),
  changeCase: (issueId: string, change: CaseChange) =>
    apiFetch<IssueCaseView>(path(issueId, '/case'), { method: 'PUT', body: change }),
  acknowledge: (issueId: string) => apiFetch<IssueCaseView>(path(issueId, '/acknowledge'), { method: 'POST' }),
  addNote: (issueId: string, text: string) =>
    apiFetch<IssueNoteView>(path(issueId, '/notes'), { method: 'POST', body: { text } }),
  /** A plain link: the browser downloads it with the session cookie. */
  postMortemUrl: (issueId: string) => `/api${path(issueId, '/post-mortem.csv')}`,
};
