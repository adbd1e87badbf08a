import type { IncidentTimelineEntry, IncidentTimelineKind } from '@watchfloor/contracts';
import { toCsv } from '@watchfloor/domain';

/** What each kind of entry is called in a post-mortem: words a PR lead would write. */
const KIND_LABELS: Record<IncidentTimelineKind, string> = {
  first_seen: 'Issue first seen',
  incident_opened: 'Spike incident opened',
  incident_acknowledged: 'Spike incident acknowledged',
  incident_resolved: 'Spike incident resolved',
  case_priority: 'Priority changed',
  case_owner: 'Owner changed',
  case_status: 'Status changed',
  case_acknowledged: 'P1 acknowledged',
  note: 'Note',
  triage: 'Triage',
  reply: 'Reply',
};

export const INCIDENT_TIMELINE_HEADER = ['at', 'issue', 'event', 'who', 'ref', 'change', 'text'];

/**
 * An issue's post-mortem as CSV: one row per entry, in time order (entries at the same instant
 * keep the order given). Texts come from the public and from people, so the CSV helper guards
 * every cell against spreadsheet formulas.
 */
export function incidentTimelineCsv(issueId: string, entries: readonly IncidentTimelineEntry[]): string {
  const ordered = entries
    .map((entry, position) => ({ entry, position, at: Date.parse(entry.at) }))
    .sort((a, b) => a.at - b.at || a.position - b.position)
    .map(({ entry }) => entry);
  return toCsv(
    INCIDENT_TIMELINE_HEADER,
    ordered.map((entry) => [
      entry.at,
      issueId,
      KIND_LABELS[entry.kind],
      entry.actor,
      entry.ref,
      entry.change,
      entry.text,
    ]),
  );
}

/** A file name safe in a Content-Disposition header whatever the issue id holds. */
export function incidentTimelineFileName(issueId: string): string {
  return `post-mortem-${issueId.replaceAll(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}.csv`;
}
