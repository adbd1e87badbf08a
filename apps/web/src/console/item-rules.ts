import type { TriageItemView, TriageStatus } from '@watchfloor/contracts';
import { OPEN_STATUSES } from './inbox-filter';
import type { TransitionAction } from './triage-client';

/** Which status changes a button offers; the server has the last word and refuses the rest. */
export function canTransition(status: TriageStatus, action: TransitionAction): boolean {
  switch (action) {
    case 'wait':
      return status === 'new' || status === 'in_progress' || status === 'responded' || status === 'escalated';
    case 'customerReplied':
      return status === 'waiting';
    case 'resolve':
      return OPEN_STATUSES.has(status);
    case 'reopen':
      return status === 'resolved' || status === 'spam';
    case 'markSpam':
      return status !== 'spam';
  }
}

/** The name of whoever else holds an open item; null when it is free, one's own, or closed. */
export function heldByOther(item: Pick<TriageItemView, 'assignee' | 'status'>, selfId: string): string | null {
  if (item.assignee === null || item.assignee.id === selfId || !OPEN_STATUSES.has(item.status)) return null;
  return item.assignee.name;
}
