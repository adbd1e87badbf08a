import { PRIORITIES } from '../rule-definition';
import type { Priority } from '../rule-definition';
import type { TriageStatus } from './triage-workflow';

/** An agent of a team as the queue sees them now. */
export interface AgentLoad {
  id: string;
  /** Present in the console (the presence service decides, with its own grace period for flaky networks). */
  online: boolean;
  /** Items in an open status assigned to them. */
  openItems: number;
  /** How many open items they take at once; 0 takes none (a lead who only reviews). */
  capacity: number;
  lastAssignedAt: string | null;
}

/**
 * Who gets the next item from the queue: an online agent under capacity, the least loaded first, then
 * whoever waited longest since their last item (never assigned counts as longest), so a quiet shift
 * still spreads work round everyone. Undefined when nobody can take it: it stays in the queue.
 */
export function pickAssignee(agents: readonly AgentLoad[]): string | undefined {
  const available = agents.filter((agent) => agent.online && agent.openItems < agent.capacity);
  return available.sort(compareForAssignment)[0]?.id;
}

function compareForAssignment(a: AgentLoad, b: AgentLoad): number {
  return (
    a.openItems - b.openItems || compareLastAssigned(a.lastAssignedAt, b.lastAssignedAt) || compareText(a.id, b.id)
  );
}

function compareLastAssigned(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return Date.parse(a) - Date.parse(b);
}

/** Code-unit order, not locale order: the same on every server. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface InboxItem {
  id: string;
  priority: Priority;
  createdAt: string;
}

/** Inbox order, for Array#sort: P1 first; within a priority first in, first out; then id, so ties never shuffle. */
export function compareInboxItems(a: InboxItem, b: InboxItem): number {
  return (
    PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    compareText(a.id, b.id)
  );
}

/** A sorted copy of the inbox; the input is left as it was. */
export function orderInbox<T extends InboxItem>(items: readonly T[]): T[] {
  return [...items].sort(compareInboxItems);
}

export interface HeldItem {
  id: string;
  status: TriageStatus;
  assigneeId: string | null;
}

/**
 * Items to hand back to the queue because their holder went offline while working on them. Only
 * in_progress items: a waiting item is on the customer, and its holder picks it up again on return.
 * A holder missing from `agents` (a lead of another team, say) is left alone: absence is unknown.
 * Release each with the workflow's release action.
 */
export function reassignFromAbsent<T extends HeldItem>(
  items: readonly T[],
  agents: readonly Pick<AgentLoad, 'id' | 'online'>[],
): T[] {
  const absent = new Set(agents.filter((agent) => !agent.online).map((agent) => agent.id));
  return items.filter(
    (item) => item.status === 'in_progress' && item.assigneeId !== null && absent.has(item.assigneeId),
  );
}
