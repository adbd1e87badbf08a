/**
 * The life of a triage item: who holds it, and which status it moves to for each thing a person (or the
 * system) does to it. Pure: the caller stores the result and acts on its flags (SLA clock, timestamps).
 */

/** Stored as text: never rename a value. Mirrors TRIAGE_STATUSES in @watchfloor/contracts, which the web app reads. */
export const TRIAGE_STATUSES = ['new', 'in_progress', 'waiting', 'responded', 'resolved', 'escalated', 'spam'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/** Statuses that still need someone: they are in an inbox, count towards an agent's load and may escalate. */
export const OPEN_STATUSES = [
  'new',
  'in_progress',
  'waiting',
  'responded',
  'escalated',
] as const satisfies readonly TriageStatus[];
export type OpenTriageStatus = (typeof OPEN_STATUSES)[number];

export function isOpenStatus(status: TriageStatus): status is OpenTriageStatus {
  return (OPEN_STATUSES as readonly TriageStatus[]).includes(status);
}

export type TriageAction =
  /** Take the item: it becomes mine. */
  | { type: 'claim' }
  /** Hand it back to the team's queue. */
  | { type: 'release' }
  /** Give it to someone (a lead reassigning, or routing): unlike claim, this may take it from its holder. */
  | { type: 'assign'; userId: string }
  /** We asked the customer something: the SLA clock stops until they answer. */
  | { type: 'wait' }
  /** The customer answered (the system reports it from the platform). */
  | { type: 'customerReplied' }
  /** A reply was sent. */
  | { type: 'respond' }
  | { type: 'resolve' }
  | { type: 'reopen' }
  /** The SLA was breached (the system), or a person sends it up a tier. */
  | { type: 'escalate' }
  | { type: 'markSpam' };
export type TriageActionType = TriageAction['type'];

export interface TriageItemState {
  status: TriageStatus;
  assigneeId: string | null;
}

export interface TriageTransition extends TriageItemState {
  /** Stop the SLA clock (entered waiting). */
  pauseSla?: true;
  /** Restart the SLA clock (left waiting for a status that is still open). */
  resumeSla?: true;
  /** A reply went out: record firstResponseAt if the item has none yet, and stop the first-response SLA. */
  firstResponse?: true;
  /** Record resolvedAt. */
  resolved?: true;
}

export type TriageTransitionErrorReason = 'not_allowed' | 'held_by_someone_else';

/** A change the workflow does not allow; the API answers it with 409 Conflict and this message. */
export class TriageTransitionError extends Error {
  override readonly name = 'TriageTransitionError';

  constructor(
    readonly action: TriageActionType,
    readonly from: TriageStatus,
    readonly reason: TriageTransitionErrorReason,
    message: string,
  ) {
    super(message);
  }
}

const HOW_TO_LEAVE: Record<'resolved' | 'spam', string> = {
  resolved: 'it is resolved: reopen it first',
  spam: 'it is marked as spam: reopen it first',
};

function notAllowed(action: TriageActionType, item: TriageItemState, why: string): TriageTransitionError {
  return new TriageTransitionError(action, item.status, 'not_allowed', `cannot ${action} this item: ${why}`);
}

function requireOpen(action: TriageActionType, item: TriageItemState): OpenTriageStatus {
  if (item.status === 'resolved' || item.status === 'spam') throw notAllowed(action, item, HOW_TO_LEAVE[item.status]);
  return item.status;
}

function requireNotHeldByOther(
  action: TriageActionType,
  status: TriageStatus,
  assigneeId: string | null,
  actorId: string,
): void {
  if (assigneeId === null || assigneeId === actorId) return;
  throw new TriageTransitionError(
    action,
    status,
    'held_by_someone_else',
    `cannot ${action} this item: it is held by ${assigneeId}; ask them or a lead to reassign it`,
  );
}

/**
 * What `action` by `actorId` does to the item, or a TriageTransitionError saying why it may not.
 * Permissions (may this person assign?) are the access rules' business, not the workflow's.
 */
export function transition(item: TriageItemState, action: TriageAction, actorId: string): TriageTransition {
  return withSlaFlags(item.status, nextState(item, action, actorId));
}

function nextState(item: TriageItemState, action: TriageAction, actorId: string): TriageTransition {
  const { assigneeId } = item;
  switch (action.type) {
    case 'claim': {
      const status = requireOpen('claim', item);
      // Two agents clicking at once: the second learns it is taken instead of silently taking it over.
      requireNotHeldByOther('claim', status, assigneeId, actorId);
      // Claiming an item you hold already changes nothing: the console may be open in two tabs.
      return { status: startsWork(status), assigneeId: actorId };
    }
    case 'release': {
      const status = requireOpen('release', item);
      return { status: status === 'in_progress' ? 'new' : status, assigneeId: null };
    }
    case 'assign':
      return { status: startsWork(requireOpen('assign', item)), assigneeId: action.userId };
    case 'wait': {
      const status = requireOpen('wait', item);
      if (status !== 'in_progress' && status !== 'responded') {
        throw notAllowed(
          'wait',
          item,
          `only an item in progress or responded to can wait on the customer, not one that is ${status}`,
        );
      }
      return { status: 'waiting', assigneeId };
    }
    case 'customerReplied':
      // A reply brings a waiting or answered item back to its agent. Closed items stay closed: a person
      // decides to reopen (a spammer replying must not put spam back in the inbox). Elsewhere the item
      // is already being worked on; throwing would only make the platform sync fail.
      if (item.status === 'waiting' || item.status === 'responded') return { status: 'in_progress', assigneeId };
      return { status: item.status, assigneeId };
    case 'respond':
      // Two agents never answer the same customer: only the holder, or anyone while nobody holds it.
      requireNotHeldByOther('respond', requireOpen('respond', item), assigneeId, actorId);
      // Whoever answers an unowned item owns the follow-up.
      return { status: 'responded', assigneeId: assigneeId ?? actorId, firstResponse: true };
    case 'resolve':
      requireOpen('resolve', item);
      return { status: 'resolved', assigneeId, resolved: true };
    case 'reopen':
      if (item.status !== 'resolved' && item.status !== 'spam') {
        throw notAllowed('reopen', item, `it is still open (${item.status})`);
      }
      return { status: 'in_progress', assigneeId: assigneeId ?? actorId };
    case 'escalate':
      // Escalation hands the item to the next tier (another team, or the same one at a higher priority):
      // whoever held it missed the SLA or is the wrong tier, so it goes back unassigned for the queue to
      // offer to that tier. Escalated items may escalate again, one tier further each time.
      requireOpen('escalate', item);
      return { status: 'escalated', assigneeId: null };
    case 'markSpam':
      // A resolved item may turn out to be spam later: allowed, so reports stop counting it.
      if (item.status === 'spam') throw notAllowed('markSpam', item, 'it is marked as spam already');
      return { status: 'spam', assigneeId };
    default: {
      const unknown: never = action;
      throw new Error(`unknown triage action ${JSON.stringify(unknown)}`);
    }
  }
}

/** Taking or being given an item that nobody was working on puts it in progress. */
function startsWork(status: OpenTriageStatus): OpenTriageStatus {
  return status === 'new' || status === 'escalated' ? 'in_progress' : status;
}

/** The SLA clock follows the waiting status, whatever action moved the item in or out of it. */
function withSlaFlags(from: TriageStatus, next: TriageTransition): TriageTransition {
  const flags: Pick<TriageTransition, 'pauseSla' | 'resumeSla'> = {};
  if (from !== 'waiting' && next.status === 'waiting') flags.pauseSla = true;
  if (from === 'waiting' && next.status !== 'waiting' && isOpenStatus(next.status)) flags.resumeSla = true;
  return { ...next, ...flags };
}
