import { compareInboxItems, orderInbox, pickAssignee, reassignFromAbsent } from './agent-capacity';
import type { AgentLoad, HeldItem, InboxItem } from './agent-capacity';

function anAgent(overrides: Partial<AgentLoad> & Pick<AgentLoad, 'id'>): AgentLoad {
  return { online: true, openItems: 0, capacity: 5, lastAssignedAt: null, ...overrides };
}

function anInboxItem(overrides: Partial<InboxItem> & Pick<InboxItem, 'id'>): InboxItem {
  return { priority: 'P3', createdAt: '2026-03-23T09:00:00.000Z', ...overrides };
}

function aHeldItem(overrides: Partial<HeldItem> & Pick<HeldItem, 'id'>): HeldItem {
  return { status: 'in_progress', assigneeId: null, ...overrides };
}

describe('pickAssignee', () => {
  it('gives the item to the online agent with the fewest open items', () => {
    const agents = [
      anAgent({ id: 'ana', openItems: 3 }),
      anAgent({ id: 'bo', openItems: 1 }),
      anAgent({ id: 'cy', openItems: 2 }),
    ];

    expect(pickAssignee(agents)).toBe('bo');
  });

  it('skips agents who are offline or at capacity', () => {
    const agents = [
      anAgent({ id: 'offline', online: false }),
      anAgent({ id: 'full', openItems: 5, capacity: 5 }),
      anAgent({ id: 'reviewer', capacity: 0 }),
      anAgent({ id: 'busy', openItems: 4, capacity: 5 }),
    ];

    expect(pickAssignee(agents)).toBe('busy');
  });

  it('breaks a tie in load by who waited longest since their last item, never assigned first', () => {
    const agents = [
      anAgent({ id: 'recent', lastAssignedAt: '2026-03-23T09:30:00.000Z' }),
      anAgent({ id: 'earlier', lastAssignedAt: '2026-03-23T08:00:00.000Z' }),
    ];

    expect(pickAssignee(agents)).toBe('earlier');
    expect(pickAssignee([...agents, anAgent({ id: 'new-hire' })])).toBe('new-hire');
  });

  it('leaves the item in the queue when nobody can take it', () => {
    expect(pickAssignee([anAgent({ id: 'ana', online: false })])).toBeUndefined();
    expect(pickAssignee([])).toBeUndefined();
  });
});

describe('orderInbox', () => {
  it('puts P1 first, then oldest first within a priority, then by id', () => {
    const items = [
      anInboxItem({ id: 'p3-old', priority: 'P3', createdAt: '2026-03-23T08:00:00.000Z' }),
      anInboxItem({ id: 'p1-new', priority: 'P1', createdAt: '2026-03-23T10:00:00.000Z' }),
      anInboxItem({ id: 'p2-b', priority: 'P2', createdAt: '2026-03-23T09:00:00.000Z' }),
      anInboxItem({ id: 'p2-a', priority: 'P2', createdAt: '2026-03-23T09:00:00.000Z' }),
      anInboxItem({ id: 'p1-old', priority: 'P1', createdAt: '2026-03-23T07:00:00.000Z' }),
    ];

    expect(orderInbox(items).map((item) => item.id)).toEqual(['p1-old', 'p1-new', 'p2-a', 'p2-b', 'p3-old']);
  });

  it('compares instants, not text, when offsets differ', () => {
    const earlier = anInboxItem({ id: 'b', createdAt: '2026-03-23T10:00:00+02:00' });
    const later = anInboxItem({ id: 'a', createdAt: '2026-03-23T09:00:00Z' });

    expect(compareInboxItems(earlier, later)).toBeLessThan(0);
  });

  it('leaves its input as it was', () => {
    const items = [anInboxItem({ id: 'b' }), anInboxItem({ id: 'a' })];

    orderInbox(items);

    expect(items.map((item) => item.id)).toEqual(['b', 'a']);
  });
});

describe('reassignFromAbsent', () => {
  it('hands back the in-progress items of agents who went offline', () => {
    const agents = [anAgent({ id: 'gone', online: false }), anAgent({ id: 'here' })];
    const items = [
      aHeldItem({ id: 'held-by-gone', assigneeId: 'gone' }),
      aHeldItem({ id: 'waiting-on-customer', assigneeId: 'gone', status: 'waiting' }),
      aHeldItem({ id: 'held-by-here', assigneeId: 'here' }),
      aHeldItem({ id: 'held-by-unknown', assigneeId: 'lead-elsewhere' }),
      aHeldItem({ id: 'unassigned' }),
    ];

    expect(reassignFromAbsent(items, agents).map((item) => item.id)).toEqual(['held-by-gone']);
  });
});
