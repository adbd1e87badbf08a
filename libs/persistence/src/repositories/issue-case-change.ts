import type { IssueCaseStatus, PersonRef, TriagePriority } from '@watchfloor/contracts';

/** What a change reads of a case, under its row lock. */
export interface IssueCaseState {
  status: IssueCaseStatus;
  owner: PersonRef | null;
  priority: TriagePriority | null;
  acknowledgedAt: string | null;
  version: number;
}

/** What a person asked to change; an absent field stays as it is, a null one is cleared. */
export interface IssueCaseRequest {
  owner?: PersonRef | null;
  status?: IssueCaseStatus;
  priority?: TriagePriority | null;
}

/** Column values to write (absent: unchanged). */
export interface IssueCasePatch {
  ownerId?: string | null;
  status?: IssueCaseStatus;
  priority?: TriagePriority | null;
  prioritySetBy?: string | null;
  prioritySetAt?: string | null;
  acknowledgedAt?: null;
  acknowledgedBy?: null;
}

export interface IssueCaseEventInput {
  kind: 'priority' | 'owner' | 'status' | 'acknowledged';
  detail: { from: string | null; to: string | null };
}

/**
 * Decides a case change: only what differs is written and recorded. Setting a priority records
 * who set it and when; raising it to P1 asks for a fresh acknowledgement (an earlier one was for
 * a lesser case). Nothing changed: no patch, no events, and the version stays.
 */
export function planIssueCaseChange(
  current: IssueCaseState,
  request: IssueCaseRequest,
  by: string,
  now: Date,
): { patch: IssueCasePatch; events: IssueCaseEventInput[] } {
  const patch: IssueCasePatch = {};
  const events: IssueCaseEventInput[] = [];
  if (request.owner !== undefined && request.owner?.id !== current.owner?.id) {
    patch.ownerId = request.owner?.id ?? null;
    events.push({ kind: 'owner', detail: { from: current.owner?.name ?? null, to: request.owner?.name ?? null } });
  }
  if (request.status !== undefined && request.status !== current.status) {
    patch.status = request.status;
    events.push({ kind: 'status', detail: { from: current.status, to: request.status } });
  }
  if (request.priority !== undefined && request.priority !== current.priority) {
    patch.priority = request.priority;
    patch.prioritySetBy = request.priority === null ? null : by;
    patch.prioritySetAt = request.priority === null ? null : now.toISOString();
    if (request.priority === 'P1') {
      patch.acknowledgedAt = null;
      patch.acknowledgedBy = null;
    }
    events.push({ kind: 'priority', detail: { from: current.priority, to: request.priority } });
  }
  return { patch, events };
}
