import type { TriageEventView } from '@watchfloor/contracts';
import { statusLabel } from './inbox-filter';

/** The first of `keys` that holds text (or a number) in an event's detail: its shape varies by kind and may grow. */
function field(detail: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = detail[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'object' && value !== null) {
      const name = (value as { name?: unknown }).name;
      if (typeof name === 'string') return name;
    }
  }
  return null;
}

function list(detail: Record<string, unknown>, key: string): string {
  const value = detail[key];
  const entries = Array.isArray(value) ? value.filter((entry) => typeof entry === 'string') : [];
  return entries.length === 0 ? 'none' : entries.join(', ');
}

/** What a status change did, by the workflow action that made it (detail.action), else by the new status. */
const ACTIONS: Record<string, string> = {
  wait: 'set it waiting on the customer',
  customerReplied: 'noted the customer replied',
  resolve: 'resolved it',
  reopen: 'reopened it',
  markSpam: 'marked it as spam',
  respond: 'replied',
};

/**
 * One line for a timeline entry, and the words it carries (a note's or a reply's), if any.
 * `nameOf` turns a user id in the detail into a name, where the console knows it.
 */
export function describeEvent(
  event: TriageEventView,
  nameOf: (userId: string) => string | undefined = () => undefined,
): { summary: string; text: string | null } {
  const { actor, detail } = event;
  switch (event.kind) {
    case 'created': {
      const rule = field(detail, 'ruleName', 'rule');
      return { summary: rule === null ? 'Flagged' : `Flagged by rule ${rule}`, text: null };
    }
    case 'claimed':
      return { summary: `${actor} claimed it`, text: null };
    case 'assigned': {
      const userId = field(detail, 'userId');
      const to = field(detail, 'assigneeName', 'name') ?? (userId === null ? null : (nameOf(userId) ?? 'someone'));
      return { summary: to === null ? `${actor} assigned it` : `${actor} assigned it to ${to}`, text: null };
    }
    case 'released':
      return { summary: `${actor} released it`, text: null };
    case 'status': {
      const action = field(detail, 'action');
      const status = field(detail, 'status', 'to');
      const did =
        action !== null && ACTIONS[action] !== undefined
          ? ACTIONS[action]
          : status === null
            ? 'changed the status'
            : `set it ${statusLabel(status)}`;
      return { summary: `${actor} ${did}`, text: null };
    }
    case 'note':
      return { summary: `${actor} added a note`, text: field(detail, 'text', 'note') };
    case 'tags':
      return { summary: `${actor} set tags: ${list(detail, 'tags')}`, text: null };
    case 'reply':
      return { summary: `${actor} replied`, text: field(detail, 'text') };
    case 'escalated': {
      const team = field(detail, 'teamName', 'toTeam', 'team');
      const level = field(detail, 'level', 'escalationLevel');
      return {
        summary: `Escalated${level === null ? '' : ` to level ${level}`}${team === null ? '' : ` (${team})`}`,
        text: field(detail, 'reason'),
      };
    }
    case 'correction': {
      if (detail['notRelevant'] === true) return { summary: `${actor} marked it not relevant`, text: null };
      const sentiment = field(detail, 'sentiment');
      return {
        summary:
          sentiment === null ? `${actor} corrected the analysis` : `${actor} corrected sentiment to ${sentiment}`,
        text: null,
      };
    }
  }
}
