import { OPEN_STATUSES, TRIAGE_STATUSES, TriageTransitionError, transition } from './triage-workflow';
import type { TriageAction, TriageItemState, TriageStatus } from './triage-workflow';

function anItem(overrides: Partial<TriageItemState> = {}): TriageItemState {
  return { status: 'new', assigneeId: null, ...overrides };
}

function transitionError(item: TriageItemState, action: TriageAction, actorId = 'ana'): TriageTransitionError {
  try {
    transition(item, action, actorId);
  } catch (error) {
    if (error instanceof TriageTransitionError) return error;
    throw error;
  }
  throw new Error(`expected ${action.type} from ${item.status} to be refused`);
}

const CLOSED: TriageStatus[] = ['resolved', 'spam'];

describe('triage workflow', () => {
  it('counts every status but resolved and spam as open', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(TRIAGE_STATUSES.filter((status) => !CLOSED.includes(status)).sort());
  });

  describe('claim', () => {
    it.each<TriageStatus>(['new', 'escalated'])(
      'puts an item that is %s in progress, held by whoever claimed it',
      (status) => {
        expect(transition(anItem({ status }), { type: 'claim' }, 'ana')).toEqual({
          status: 'in_progress',
          assigneeId: 'ana',
        });
      },
    );

    it('takes an unassigned item in progress', () => {
      expect(transition(anItem({ status: 'in_progress' }), { type: 'claim' }, 'ana')).toEqual({
        status: 'in_progress',
        assigneeId: 'ana',
      });
    });

    it('changes nothing when the claimer holds it already', () => {
      const item = anItem({ status: 'in_progress', assigneeId: 'ana' });

      expect(transition(item, { type: 'claim' }, 'ana')).toEqual(item);
    });

    it('refuses an item someone else holds, saying who holds it', () => {
      const error = transitionError(anItem({ status: 'in_progress', assigneeId: 'bo' }), { type: 'claim' }, 'ana');

      expect(error.reason).toBe('held_by_someone_else');
      expect(error.message).toBe('cannot claim this item: it is held by bo; ask them or a lead to reassign it');
    });

    it('keeps the status of a waiting item someone takes over', () => {
      expect(transition(anItem({ status: 'waiting' }), { type: 'claim' }, 'ana')).toEqual({
        status: 'waiting',
        assigneeId: 'ana',
      });
    });

    it.each(CLOSED)('refuses a %s item until it is reopened', (status) => {
      expect(transitionError(anItem({ status }), { type: 'claim' }).message).toMatch(/reopen it first$/);
    });
  });

  describe('release', () => {
    it('sends an item in progress back to the queue as new', () => {
      expect(transition(anItem({ status: 'in_progress', assigneeId: 'ana' }), { type: 'release' }, 'ana')).toEqual({
        status: 'new',
        assigneeId: null,
      });
    });

    it('leaves a waiting item waiting, without an assignee', () => {
      expect(transition(anItem({ status: 'waiting', assigneeId: 'ana' }), { type: 'release' }, 'lead')).toEqual({
        status: 'waiting',
        assigneeId: null,
      });
    });
  });

  describe('assign', () => {
    it('gives a new item to the named person and puts it in progress', () => {
      expect(transition(anItem(), { type: 'assign', userId: 'bo' }, 'lead')).toEqual({
        status: 'in_progress',
        assigneeId: 'bo',
      });
    });

    it('may take an item from its holder, unlike claim', () => {
      const item = anItem({ status: 'in_progress', assigneeId: 'ana' });

      expect(transition(item, { type: 'assign', userId: 'bo' }, 'lead').assigneeId).toBe('bo');
    });
  });

  describe('waiting on the customer', () => {
    it.each<TriageStatus>(['in_progress', 'responded'])('pauses the SLA when an item that is %s waits', (status) => {
      expect(transition(anItem({ status, assigneeId: 'ana' }), { type: 'wait' }, 'ana')).toEqual({
        status: 'waiting',
        assigneeId: 'ana',
        pauseSla: true,
      });
    });

    it('refuses to wait on a new item', () => {
      expect(transitionError(anItem(), { type: 'wait' }).message).toBe(
        'cannot wait this item: only an item in progress or responded to can wait on the customer, not one that is new',
      );
    });

    it('resumes the SLA and returns the item to its agent when the customer replies', () => {
      expect(
        transition(anItem({ status: 'waiting', assigneeId: 'ana' }), { type: 'customerReplied' }, 'system'),
      ).toEqual({
        status: 'in_progress',
        assigneeId: 'ana',
        resumeSla: true,
      });
    });

    it('brings a responded item back to in progress without touching the clock', () => {
      expect(
        transition(anItem({ status: 'responded', assigneeId: 'ana' }), { type: 'customerReplied' }, 'system'),
      ).toEqual({
        status: 'in_progress',
        assigneeId: 'ana',
      });
    });

    it.each<TriageStatus>(['spam', 'resolved', 'new'])(
      'leaves a %s item as it is when the customer replies',
      (status) => {
        expect(transition(anItem({ status }), { type: 'customerReplied' }, 'system')).toEqual({
          status,
          assigneeId: null,
        });
      },
    );

    it('resumes the SLA when a waiting item is escalated by hand', () => {
      expect(transition(anItem({ status: 'waiting', assigneeId: 'ana' }), { type: 'escalate' }, 'lead')).toEqual({
        status: 'escalated',
        assigneeId: null,
        resumeSla: true,
      });
    });
  });

  describe('respond', () => {
    it('marks a first response and keeps the holder', () => {
      expect(transition(anItem({ status: 'in_progress', assigneeId: 'ana' }), { type: 'respond' }, 'ana')).toEqual({
        status: 'responded',
        assigneeId: 'ana',
        firstResponse: true,
      });
    });

    it('makes whoever answers an unowned item its holder', () => {
      expect(transition(anItem(), { type: 'respond' }, 'bo').assigneeId).toBe('bo');
    });

    it('refuses a reply from someone other than the holder: one customer, one agent', () => {
      expect(() => transition(anItem({ status: 'in_progress', assigneeId: 'ana' }), { type: 'respond' }, 'bo')).toThrow(
        expect.objectContaining({ reason: 'held_by_someone_else' }),
      );
    });
  });

  describe('resolve, reopen and spam', () => {
    it.each(OPEN_STATUSES)('resolves an item that is %s', (status) => {
      expect(transition(anItem({ status, assigneeId: 'ana' }), { type: 'resolve' }, 'ana')).toEqual({
        status: 'resolved',
        assigneeId: 'ana',
        resolved: true,
      });
    });

    it('refuses to resolve an item twice', () => {
      expect(transitionError(anItem({ status: 'resolved' }), { type: 'resolve' }).message).toBe(
        'cannot resolve this item: it is resolved: reopen it first',
      );
    });

    it.each(CLOSED)('reopens a %s item in progress, held by whoever reopened it if nobody held it', (status) => {
      expect(transition(anItem({ status }), { type: 'reopen' }, 'ana')).toEqual({
        status: 'in_progress',
        assigneeId: 'ana',
      });
    });

    it('refuses to reopen an open item', () => {
      expect(transitionError(anItem({ status: 'waiting' }), { type: 'reopen' }).message).toBe(
        'cannot reopen this item: it is still open (waiting)',
      );
    });

    it('marks a resolved item as spam, but not a spam item again', () => {
      expect(transition(anItem({ status: 'resolved' }), { type: 'markSpam' }, 'ana').status).toBe('spam');
      expect(transitionError(anItem({ status: 'spam' }), { type: 'markSpam' }).reason).toBe('not_allowed');
    });
  });

  describe('escalate', () => {
    it.each(OPEN_STATUSES)('escalates an item that is %s to the next tier, unassigned', (status) => {
      const next = transition(anItem({ status, assigneeId: 'ana' }), { type: 'escalate' }, 'system');

      expect(next.status).toBe('escalated');
      expect(next.assigneeId).toBeNull();
    });

    it('refuses to escalate a resolved item', () => {
      expect(transitionError(anItem({ status: 'resolved' }), { type: 'escalate' }).from).toBe('resolved');
    });
  });
});
