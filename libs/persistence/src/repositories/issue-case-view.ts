import type { IssueCaseStatus, IssueCaseView, IssueNoteView, TriagePriority } from '@watchfloor/contracts';

/** A case with the names of its owner and of who acknowledged it. */
export const SELECT_CASE_VIEW = `
  SELECT c.issue_id, c.owner_id, o.display_name AS owner_name, c.status, c.priority, c.priority_set_by,
         c.priority_set_at, c.acknowledged_at, c.acknowledged_by, a.display_name AS acknowledged_by_name,
         c.updated_at, c.version
  FROM issue_case c
  LEFT JOIN app_user o ON o.id = c.owner_id
  LEFT JOIN app_user a ON a.id = c.acknowledged_by`;

export interface CaseViewRow {
  issue_id: string;
  owner_id: string | null;
  owner_name: string | null;
  status: IssueCaseStatus;
  priority: TriagePriority | null;
  priority_set_by: string | null;
  priority_set_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  updated_at: Date;
  version: number;
}

/** An issue nobody has touched has no row: it reads as a new case without owner or priority. */
export function untouchedCase(issueId: string): IssueCaseView {
  return {
    issueId,
    status: 'new',
    owner: null,
    priority: null,
    prioritySetBy: null,
    prioritySetAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    awaitingAcknowledgement: false,
    updatedAt: null,
    version: 0,
  };
}

export function toCaseView(row: CaseViewRow): IssueCaseView {
  return {
    issueId: row.issue_id,
    status: row.status,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? '' },
    priority: row.priority,
    prioritySetBy: row.priority_set_by,
    prioritySetAt: row.priority_set_at?.toISOString() ?? null,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy:
      row.acknowledged_by === null ? null : { id: row.acknowledged_by, name: row.acknowledged_by_name ?? '' },
    awaitingAcknowledgement: row.priority === 'P1' && row.acknowledged_at === null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export const SELECT_NOTE_VIEW = `
  SELECT n.id, n.issue_id, n.author_id, u.display_name AS author_name, n.body, n.created_at
  FROM issue_note n JOIN app_user u ON u.id = n.author_id`;

export interface NoteViewRow {
  id: string;
  issue_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

export function toNoteView(row: NoteViewRow): IssueNoteView {
  return {
    id: row.id,
    issueId: row.issue_id,
    author: { id: row.author_id, name: row.author_name },
    text: row.body,
    createdAt: row.created_at.toISOString(),
  };
}
