import type { ReplyView } from '@watchfloor/contracts';
import { ApiError } from '../api/http';
import { ConsoleActions } from './console-actions';
import { ConsoleStore } from './console-store';
import { DEFAULT_FILTER, INBOX_LIMIT } from './inbox-filter';
import { aTriageItem } from './triage-item.factory';
import type { TriageClient } from './triage-client';

const ME = 'user-me';

function aReply(overrides: Partial<ReplyView> = {}): ReplyView {
  return {
    id: 'r1',
    text: 'So sorry, Ana',
    status: 'queued',
    externalId: null,
    error: null,
    createdAt: new Date().toISOString(),
    author: 'Me',
    ...overrides,
  };
}

function aClient(overrides: Partial<TriageClient> = {}): jest.Mocked<TriageClient> {
  const unexpected = () => Promise.reject(new Error('not expected in this spec'));
  return {
    listItems: jest.fn(() => Promise.resolve([])),
    getItem: jest.fn(unexpected),
    claim: jest.fn(unexpected),
    release: jest.fn(unexpected),
    assign: jest.fn(unexpected),
    transition: jest.fn(unexpected),
    addNote: jest.fn(unexpected),
    setTags: jest.fn(unexpected),
    correct: jest.fn(unexpected),
    reply: jest.fn(unexpected),
    bulk: jest.fn(unexpected),
    templates: jest.fn(() => Promise.resolve([])),
    stats: jest.fn(unexpected),
    rosters: jest.fn(() => Promise.resolve([])),
    users: jest.fn(() => Promise.resolve([])),
    recentMentions: jest.fn(() => Promise.resolve([])),
    ...overrides,
  } as jest.Mocked<TriageClient>;
}

function setUp(client: jest.Mocked<TriageClient>) {
  const item = aTriageItem();
  const store = new ConsoleStore(ME);
  store.listLoaded(DEFAULT_FILTER, [item], INBOX_LIMIT);
  store.select(item.id);
  let keys = 0;
  const onUnauthorized = jest.fn();
  const actions = new ConsoleActions(store, client, onUnauthorized, () => `key-${++keys}-abcdefgh`);
  return { item, store, actions, onUnauthorized };
}

describe('console actions', () => {
  it('sends a reply with an Idempotency-Key kept across a failed attempt and dropped once it is accepted', async () => {
    const client = aClient({
      reply: jest.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(aReply()),
      getItem: jest.fn(() => new Promise<never>(() => undefined)),
    });
    const { item, store, actions } = setUp(client);
    actions.editDraft(item.id, '  So sorry, Ana  ');

    expect(await actions.sendReply(item.id)).toBe(false);
    expect(store.getSnapshot().actionError).toBe('Could not reach the server: Failed to fetch');
    expect(store.getSnapshot().drafts[item.id]).toEqual({
      text: '  So sorry, Ana  ',
      idempotencyKey: 'key-1-abcdefgh',
    });

    expect(await actions.sendReply(item.id)).toBe(true);
    expect(client.reply.mock.calls).toEqual([
      [item.id, 'So sorry, Ana', 'key-1-abcdefgh'],
      [item.id, 'So sorry, Ana', 'key-1-abcdefgh'],
    ]);
    expect(store.getSnapshot().drafts[item.id]).toBeUndefined();

    // The next reply is a new one, with a key of its own.
    client.reply.mockResolvedValueOnce(aReply({ id: 'r2' }));
    actions.editDraft(item.id, 'And thanks for your patience');
    await actions.sendReply(item.id);
    expect(client.reply.mock.calls[2]![2]).toBe('key-2-abcdefgh');
  });

  it('posts a reply once however often Send is clicked while it is on its way', async () => {
    let accept: (reply: ReplyView) => void = () => undefined;
    const client = aClient({
      reply: jest.fn(() => new Promise<ReplyView>((resolve) => (accept = resolve))),
      getItem: jest.fn(() => new Promise<never>(() => undefined)),
    });
    const { item, actions } = setUp(client);
    actions.editDraft(item.id, 'On it');
    const first = actions.sendReply(item.id);
    const second = actions.sendReply(item.id);
    accept(aReply());
    expect(await Promise.all([first, second])).toEqual([true, false]);
    expect(client.reply).toHaveBeenCalledTimes(1);
  });

  it("shows the server's refusal when someone else holds the item", async () => {
    const client = aClient({ claim: jest.fn(() => Promise.reject(new ApiError(409, 'Held by Dana Agent'))) });
    const { item, store, actions } = setUp(client);
    expect(await actions.claim(item.id)).toBe(false);
    expect(store.getSnapshot().actionError).toBe('Held by Dana Agent');
    expect(store.getSnapshot().busy).toBeNull();
  });

  it('puts the changed item in the store and reads its history again', async () => {
    const client = aClient();
    const { item, store, actions } = setUp(client);
    const claimed = { ...item, status: 'in_progress' as const, assignee: { id: ME, name: 'Me' }, version: 2 };
    client.claim.mockResolvedValue(claimed);
    client.getItem.mockResolvedValue({ item: claimed, events: [], replies: [] });
    expect(await actions.claim(item.id)).toBe(true);
    expect(store.getSnapshot().items[item.id]!.assignee).toEqual({ id: ME, name: 'Me' });
    expect(client.getItem).toHaveBeenCalledWith(item.id);
  });

  it('reports what a bulk action did and clears the ticks', async () => {
    const client = aClient({ bulk: jest.fn(() => Promise.resolve({ updated: 1, skipped: 1 })) });
    const { item, store, actions } = setUp(client);
    const other = aTriageItem();
    store.receiveItems([other]);
    store.checkAll(true);
    await actions.bulk('resolve');
    expect(client.bulk).toHaveBeenCalledWith([item.id, other.id], 'resolve');
    expect(store.getSnapshot().notice).toBe('Resolved 1 of 2; 1 skipped.');
    expect(store.getSnapshot().checked).toEqual([]);
    expect(client.listItems).toHaveBeenCalled();
  });

  it('sends a signed-out person back to sign in', async () => {
    const client = aClient({ release: jest.fn(() => Promise.reject(new ApiError(401, 'Sign in'))) });
    const { item, actions, onUnauthorized } = setUp(client);
    await actions.release(item.id);
    expect(onUnauthorized).toHaveBeenCalled();
  });
});
