import { ConsoleStore } from './console-store';
import { othersAt } from './console-state';
import { DEFAULT_FILTER, INBOX_LIMIT, inboxQuery, matchesFilter } from './inbox-filter';
import { aTriageItem } from './triage-item.factory';

const ME = 'user-me';
const DANA = { id: 'user-dana', name: 'Dana Agent' };

function storeWith(...items: ReturnType<typeof aTriageItem>[]): ConsoleStore {
  const store = new ConsoleStore(ME);
  store.listLoaded(DEFAULT_FILTER, items, INBOX_LIMIT);
  return store;
}

const ids = (store: ConsoleStore) => store.getSnapshot().listIds;

describe('the console store', () => {
  it('keeps the inbox in the order the server gave', () => {
    const p1 = aTriageItem({ priority: 'P1' });
    const older = aTriageItem({ priority: 'P2', createdAt: '2026-11-23T09:00:00.000Z' });
    const newer = aTriageItem({ priority: 'P2', createdAt: '2026-11-23T09:30:00.000Z' });
    expect(ids(storeWith(p1, older, newer))).toEqual([p1.id, older.id, newer.id]);
  });

  it('slots a new live item in by priority, then oldest first', () => {
    const p1 = aTriageItem({ priority: 'P1', createdAt: '2026-11-23T09:00:00.000Z' });
    const p3 = aTriageItem({ priority: 'P3', createdAt: '2026-11-23T08:00:00.000Z' });
    const store = storeWith(p1, p3);
    const urgent = aTriageItem({ priority: 'P1', createdAt: '2026-11-23T09:30:00.000Z' });
    const middling = aTriageItem({ priority: 'P2', createdAt: '2026-11-23T10:00:00.000Z' });
    store.receiveItems([middling, urgent]);
    expect(ids(store)).toEqual([p1.id, urgent.id, middling.id, p3.id]);
  });

  it('updates an item in place, and moves it when its priority changes', () => {
    const first = aTriageItem({ priority: 'P2' });
    const second = aTriageItem({ priority: 'P2' });
    const store = storeWith(first, second);
    store.receiveItems([{ ...second, tags: ['refund'], version: 2 }]);
    expect(ids(store)).toEqual([first.id, second.id]);
    expect(store.getSnapshot().items[second.id]!.tags).toEqual(['refund']);
    store.receiveItems([{ ...second, priority: 'P1', escalationLevel: 1, version: 3 }]);
    expect(ids(store)).toEqual([second.id, first.id]);
  });

  it('drops an item from the list when it no longer matches the filter', () => {
    const item = aTriageItem();
    const store = storeWith(item, aTriageItem());
    store.receiveItems([{ ...item, status: 'resolved', version: 2 }]);
    expect(ids(store)).not.toContain(item.id);
  });

  it('ignores an older copy of an item arriving after a newer one', () => {
    const item = aTriageItem();
    const store = storeWith(item);
    store.receiveItems([{ ...item, assignee: DANA, status: 'in_progress', version: 3 }]);
    store.receiveItems([{ ...item, version: 2 }]);
    expect(store.getSnapshot().items[item.id]!.assignee).toEqual(DANA);
    // Nor does a slow inbox read undo it.
    store.listLoaded(DEFAULT_FILTER, [{ ...item, version: 1 }], INBOX_LIMIT);
    expect(store.getSnapshot().items[item.id]!.version).toBe(3);
  });

  it('keeps the sentiment explanation when a live update comes without it', () => {
    const item = aTriageItem();
    const store = storeWith(item);
    store.receiveItems([{ ...item, version: 2, mention: { ...item.mention, explanation: [] } }]);
    expect(store.getSnapshot().items[item.id]!.mention.explanation).toEqual(item.mention.explanation);
  });

  it('ignores an inbox answer for a filter no longer shown', () => {
    const store = storeWith();
    const stale = DEFAULT_FILTER;
    store.setFilter({ ...DEFAULT_FILTER, status: 'resolved' });
    store.listLoaded(stale, [aTriageItem()], INBOX_LIMIT);
    expect(store.getSnapshot().list.status).toBe('loading');
    expect(ids(store)).toEqual([]);
  });

  it('filters "me" and "unassigned" by assignee, and a team by id', () => {
    const mine = aTriageItem({ assignee: { id: ME, name: 'Me' } });
    const free = aTriageItem();
    const other = aTriageItem({ teamId: 'team-pr', assignee: DANA });
    expect(matchesFilter(mine, { ...DEFAULT_FILTER, assignee: 'me' }, ME)).toBe(true);
    expect(matchesFilter(free, { ...DEFAULT_FILTER, assignee: 'me' }, ME)).toBe(false);
    expect(matchesFilter(free, { ...DEFAULT_FILTER, assignee: 'unassigned' }, ME)).toBe(true);
    expect(matchesFilter(other, { ...DEFAULT_FILTER, teamId: 'team-care' }, ME)).toBe(false);
    expect(matchesFilter(aTriageItem({ status: 'waiting' }), DEFAULT_FILTER, ME)).toBe(true);
    expect(matchesFilter(aTriageItem({ status: 'spam' }), DEFAULT_FILTER, ME)).toBe(false);
    expect(inboxQuery({ teamId: 't1', status: 'open', priority: 'P1', assignee: 'me' }, 100)).toBe(
      'status=open&limit=100&teamId=t1&priority=P1&assignee=me',
    );
  });

  it('moves to the next and previous item, and from an item that left the list to the one in its place', () => {
    const [a, b, c] = [aTriageItem(), aTriageItem(), aTriageItem()];
    const store = storeWith(a, b, c);
    store.move(1);
    expect(store.getSnapshot().selectedId).toBe(a.id);
    store.move(1);
    expect(store.getSnapshot().selectedId).toBe(b.id);
    store.move(-1);
    store.move(-1);
    expect(store.getSnapshot().selectedId).toBe(a.id);
    store.move(1);
    // Resolving b takes it out of the open inbox; it stays open on screen, and "next" is c.
    store.receiveItems([{ ...b, status: 'resolved', version: 2 }]);
    expect(store.getSnapshot().selectedId).toBe(b.id);
    expect(store.getSnapshot().items[b.id]!.status).toBe('resolved');
    store.move(1);
    expect(store.getSnapshot().selectedId).toBe(c.id);
    store.move(1);
    expect(store.getSnapshot().selectedId).toBe(c.id);
  });

  it('ticks items for a bulk action in inbox order, and forgets those that leave the list', () => {
    const [a, b, c] = [aTriageItem(), aTriageItem(), aTriageItem()];
    const store = storeWith(a, b, c);
    store.toggleChecked(c.id);
    store.toggleChecked(a.id);
    expect(store.getSnapshot().checked).toEqual([a.id, c.id]);
    store.receiveItems([{ ...a, status: 'spam', version: 2 }]);
    expect(store.getSnapshot().checked).toEqual([c.id]);
    store.checkAll(true);
    expect(store.getSnapshot().checked).toEqual([b.id, c.id]);
    store.toggleChecked(b.id);
    expect(store.getSnapshot().checked).toEqual([c.id]);
  });

  it('shows who else is at an item, leaving oneself out, and forgets it all when the connection drops', () => {
    const item = aTriageItem();
    const store = storeWith(item);
    store.receivePresence({
      itemId: item.id,
      people: [
        { userId: ME, name: 'Me', activity: 'viewing' },
        { userId: DANA.id, name: DANA.name, activity: 'replying' },
      ],
    });
    expect(othersAt(store.getSnapshot(), item.id)).toEqual([
      { userId: DANA.id, name: DANA.name, activity: 'replying' },
    ]);
    store.receivePresence({ itemId: item.id, people: [] });
    expect(store.getSnapshot().presence[item.id]).toBeUndefined();
    store.receivePresence({ itemId: item.id, people: [{ userId: DANA.id, name: DANA.name, activity: 'viewing' }] });
    store.setConnection('reconnecting');
    expect(store.getSnapshot().presence).toEqual({});
  });

  it('counts a history read under way as reading the current version, so an item changed once is read once', () => {
    const item = aTriageItem();
    const store = storeWith(item);
    store.select(item.id);
    store.detailLoaded({ item, events: [], replies: [] });
    store.receiveItems([{ ...item, status: 'in_progress', version: 2 }]);
    expect(store.getSnapshot().detail!.loadedVersion).toBe(1);
    store.detailLoading(item.id);
    expect(store.getSnapshot().detail).toMatchObject({ status: 'ready', loadedVersion: 2 });
  });

  it('tells subscribers of each change', () => {
    const store = storeWith();
    const listener = jest.fn();
    const unsubscribe = store.subscribe(listener);
    store.receiveItems([aTriageItem()]);
    unsubscribe();
    store.receiveItems([aTriageItem()]);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
