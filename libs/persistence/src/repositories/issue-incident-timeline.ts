import type { IncidentTimelineEntry, SpikeAlertView } from '@watchfloor/contracts';
import type { Queryable } from '../data-source';

/** Linked triage items: those whose mention belongs to the issue. */
const LINKED_ITEMS = `
  JOIN triage_item i ON i.id = x.item_id
  JOIN issue_mention im ON im.mention_id = i.mention_id AND im.issue_id = $1`;

/**
 * Everything that happened to an issue, in time order, for a post-mortem: when analysis first saw
 * it, the spike incidents on it, what the PR team did to its case, their notes, and what agents did
 * to its flagged posts (replies with their text). Events at the same instant keep this order.
 */
export async function readIncidentTimeline(db: Queryable, issueId: string): Promise<IncidentTimelineEntry[]> {
  const [issues, incidents, caseEvents, notes, triageEvents, replies] = await Promise.all([
    db.query<{ first_seen: Date; title: string[] }[]>(`SELECT first_seen, title FROM issue WHERE id = $1`, [issueId]),
    db.query<IncidentRow[]>(
      `SELECT id, opened_at, acknowledged_at, acknowledged_by, resolved_at, alerts FROM incident
       WHERE $1 = ANY(series) ORDER BY opened_at`,
      [`issue:${issueId}`],
    ),
    db.query<{ at: Date; actor: string; kind: CaseEventKind; detail: { from?: string | null; to?: string | null } }[]>(
      `SELECT at, actor, kind, detail FROM issue_case_event WHERE issue_id = $1 ORDER BY id`,
      [issueId],
    ),
    db.query<{ created_at: Date; author: string; body: string }[]>(
      `SELECT n.created_at, u.display_name AS author, n.body FROM issue_note n JOIN app_user u ON u.id = n.author_id
       WHERE n.issue_id = $1 ORDER BY n.id`,
      [issueId],
    ),
    // Reply events are left out: the replies themselves follow, with their text, at the time the agent
    // sent them (the platform's posting comes later, retried, and shows as the reply's status).
    db.query<{ at: Date; actor: string; kind: string; detail: Record<string, unknown>; item_id: string }[]>(
      `SELECT x.at, x.actor, x.kind, x.detail, x.item_id FROM triage_event x ${LINKED_ITEMS}
       WHERE x.kind <> 'reply' ORDER BY x.id`,
      [issueId],
    ),
    db.query<{ at: Date; author_name: string; text: string; status: string; item_id: string }[]>(
      `SELECT x.created_at AS at, x.author_name, x.text, x.status, x.item_id
       FROM triage_reply x ${LINKED_ITEMS} ORDER BY x.created_at`,
      [issueId],
    ),
  ]);
  const entries: IncidentTimelineEntry[] = [];
  const add = (at: Date, entry: Omit<IncidentTimelineEntry, 'at'>) => entries.push({ at: at.toISOString(), ...entry });
  for (const issue of issues) {
    add(issue.first_seen, {
      kind: 'first_seen',
      actor: 'analysis',
      ref: null,
      change: null,
      // Title entries are phrases ("lost my bag"): run together they would read as one.
      text: issue.title.join(' · '),
    });
  }
  for (const incident of incidents) {
    const reasons = reasonsOf(incident.alerts, `issue:${issueId}`);
    add(incident.opened_at, {
      kind: 'incident_opened',
      actor: 'analysis',
      ref: incident.id,
      change: reasons,
      text: null,
    });
    if (incident.acknowledged_at !== null) {
      add(incident.acknowledged_at, {
        kind: 'incident_acknowledged',
        actor: incident.acknowledged_by ?? 'someone',
        ref: incident.id,
        change: null,
        text: null,
      });
    }
    if (incident.resolved_at !== null) {
      add(incident.resolved_at, {
        kind: 'incident_resolved',
        actor: 'analysis',
        ref: incident.id,
        change: null,
        text: null,
      });
    }
  }
  for (const event of caseEvents) {
    const change =
      event.kind === 'acknowledged' ? null : `${event.detail.from ?? 'none'} → ${event.detail.to ?? 'none'}`;
    add(event.at, { kind: `case_${event.kind}`, actor: event.actor, ref: null, change, text: null });
  }
  for (const note of notes)
    add(note.created_at, { kind: 'note', actor: note.author, ref: null, change: null, text: note.body });
  for (const event of triageEvents) {
    const { change, text } = describeTriageEvent(event.kind, event.detail);
    add(event.at, { kind: 'triage', actor: event.actor, ref: `item ${event.item_id}`, change, text });
  }
  for (const reply of replies) {
    add(reply.at, {
      kind: 'reply',
      actor: reply.author_name,
      ref: `item ${reply.item_id}`,
      change: `reply ${reply.status}`,
      text: reply.text,
    });
  }
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

type CaseEventKind = 'priority' | 'owner' | 'status' | 'acknowledged';

interface IncidentRow {
  id: string;
  opened_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  alerts: SpikeAlertView[];
}

/** Why the incident opened on this issue's series: 'volume', 'negative-share', or both. */
function reasonsOf(alerts: readonly SpikeAlertView[], series: string): string | null {
  const reasons = new Set(alerts.filter((alert) => alert.series === series).flatMap((alert) => alert.reasons));
  return reasons.size === 0 ? null : `spike: ${[...reasons].join(', ')}`;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** A triage event in a few words; its detail's shape varies by kind (see TriageService). */
export function describeTriageEvent(
  kind: string,
  detail: Record<string, unknown>,
): { change: string; text: string | null } {
  switch (kind) {
    case 'created':
      return {
        change: `flagged by rule ${text(detail['rule']) ?? '?'} as ${text(detail['priority']) ?? '?'}`,
        text: null,
      };
    case 'status':
      return { change: `${text(detail['action']) ?? 'status'} → ${text(detail['status']) ?? '?'}`, text: null };
    case 'escalated':
      return {
        change: `escalated${typeof detail['level'] === 'number' ? ` to level ${detail['level']}` : ''}`,
        text: null,
      };
    case 'note':
      return { change: 'note', text: text(detail['text']) };
    case 'tags':
      return { change: `tags: ${Array.isArray(detail['tags']) ? detail['tags'].join(', ') : ''}`, text: null };
    default:
      return { change: kind, text: null };
  }
}
