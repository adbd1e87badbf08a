import type { PresenceEvent, ReplyView, TriageEventView, TriageItemView } from '@watchfloor/contracts';
import {
  appendEvent,
  checkAll,
  detailLoaded,
  emptyConsole,
  loadList,
  neighbour,
  select,
  setDraft,
  setPresence,
  toggleChecked,
  upsertItems,
  upsertReply,
} from './console-state';
import type { ConsoleConnection, ConsoleState, ReplyDraft } from './console-state';
import { sameFilter } from './inbox-filter';
import type { InboxFilter } from './inbox-filter';

/**
 * The console's state, outside React: the socket, the actions and the panels all read and write
 * it here, each change applied once, and React re-renders through useSyncExternalStore. Changes
 * are told synchronously so the text boxes (drafts live here) keep their caret.
 */
export class ConsoleStore {
  private state: ConsoleState;
  private readonly listeners = new Set<() => void>();

  constructor(selfId: string, filter?: InboxFilter) {
    this.state = emptyConsole(selfId, filter);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConsoleState => this.state;

  setConnection(connection: ConsoleConnection): void {
    // Who is where is only known while connected; the server tells it again on reconnect.
    this.update({ ...this.state, connection, ...(connection !== 'live' && { presence: {} }) });
  }

  setFilter(filter: InboxFilter): void {
    if (sameFilter(filter, this.state.filter)) return;
    this.update({
      ...this.state,
      filter,
      listIds: [],
      checked: [],
      notice: null,
      list: { status: 'loading', error: null, truncated: false },
    });
  }

  /** An inbox fetched for `filter`; an answer for a filter no longer shown is dropped. */
  listLoaded(filter: InboxFilter, items: readonly TriageItemView[], limit: number): void {
    if (!sameFilter(filter, this.state.filter)) return;
    this.update(loadList(this.state, items, limit));
  }

  listFailed(filter: InboxFilter, error: string): void {
    if (!sameFilter(filter, this.state.filter)) return;
    this.update({ ...this.state, list: { ...this.state.list, status: 'error', error } });
  }

  receiveItems(items: readonly TriageItemView[]): void {
    if (items.length > 0) this.update(upsertItems(this.state, items));
  }

  receivePresence(event: PresenceEvent): void {
    this.update(setPresence(this.state, event));
  }

  select(itemId: string | null): void {
    this.update(select(this.state, itemId));
  }

  /** Opens the next (+1) or previous (-1) item of the inbox. */
  move(delta: number): void {
    const target = neighbour(this.state, delta);
    if (target !== null) this.select(target);
  }

  toggleChecked(itemId: string): void {
    this.update(toggleChecked(this.state, itemId));
  }

  checkAll(all: boolean): void {
    this.update(checkAll(this.state, all));
  }

  detailLoading(itemId: string): void {
    if (this.state.selectedId !== itemId) return;
    const previous = this.state.detail?.itemId === itemId ? this.state.detail : null;
    // The read under way sees the item's current version: the change that asked for it (an action's
    // answer, or a live update) is not read a second time because its version is newer.
    const reading = this.state.items[itemId]?.version ?? -1;
    this.update({
      ...this.state,
      // A refresh keeps showing what it had; only a first load shows "loading".
      detail:
        previous === null
          ? { itemId, status: 'loading', error: null, events: [], replies: [], loadedVersion: reading }
          : { ...previous, loadedVersion: Math.max(previous.loadedVersion, reading) },
    });
  }

  detailLoaded(loaded: { item: TriageItemView; events: TriageEventView[]; replies: ReplyView[] }): void {
    this.update(detailLoaded(this.state, loaded));
  }

  detailFailed(itemId: string, error: string): void {
    if (this.state.detail?.itemId !== itemId) return;
    this.update({ ...this.state, detail: { ...this.state.detail, status: 'error', error } });
  }

  eventAdded(itemId: string, event: TriageEventView): void {
    this.update(appendEvent(this.state, itemId, event));
  }

  replyReceived(itemId: string, reply: ReplyView): void {
    this.update(upsertReply(this.state, itemId, reply));
  }

  setDraft(itemId: string, draft: ReplyDraft | null): void {
    this.update(setDraft(this.state, itemId, draft));
  }

  setBusy(busy: string | null): void {
    this.update({ ...this.state, busy });
  }

  setActionError(actionError: string | null): void {
    if (actionError !== this.state.actionError) this.update({ ...this.state, actionError });
  }

  setNotice(notice: string | null): void {
    this.update({ ...this.state, notice });
  }

  private update(next: ConsoleState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
