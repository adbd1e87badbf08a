import type { TriageItemView } from '@watchfloor/contracts';
import { ApiError } from '../api/http';
import type { ConsoleStore } from './console-store';
import { newIdempotencyKey } from './idempotency-key';
import { INBOX_LIMIT } from './inbox-filter';
import type { InboxFilter } from './inbox-filter';
import type { BulkAction, Correction, TransitionAction, TriageClient } from './triage-client';

const BULK_DONE: Record<BulkAction, string> = { resolve: 'Resolved', markSpam: 'Marked as spam' };

/**
 * What a person can do in the console, as calls to the API whose answers go into the store.
 * One action at a time: a second click while one runs does nothing (and a reply's idempotency
 * key makes even a retried one harmless).
 */
export class ConsoleActions {
  private listRequest = 0;
  private readonly detailRequests = new Map<string, number>();

  constructor(
    private readonly store: ConsoleStore,
    private readonly client: TriageClient,
    private readonly onUnauthorized: () => void,
    private readonly newKey: () => string = newIdempotencyKey,
  ) {}

  async reloadList(): Promise<void> {
    const filter = this.store.getSnapshot().filter;
    const request = ++this.listRequest;
    try {
      const items = await this.client.listItems(filter, INBOX_LIMIT);
      if (request === this.listRequest) this.store.listLoaded(filter, items, INBOX_LIMIT);
    } catch (error) {
      if (request === this.listRequest) this.store.listFailed(filter, this.explain(error));
    }
  }

  setFilter(filter: InboxFilter): Promise<void> {
    this.store.setFilter(filter);
    return this.reloadList();
  }

  open(itemId: string | null): Promise<void> {
    this.store.select(itemId);
    return itemId === null ? Promise.resolve() : this.loadDetail(itemId);
  }

  move(delta: number): Promise<void> {
    const before = this.store.getSnapshot().selectedId;
    this.store.move(delta);
    const after = this.store.getSnapshot().selectedId;
    return after !== null && after !== before ? this.loadDetail(after) : Promise.resolve();
  }

  /** Reads the item with its history; an answer overtaken by a later read of the same item is dropped. */
  async loadDetail(itemId: string): Promise<void> {
    const request = (this.detailRequests.get(itemId) ?? 0) + 1;
    this.detailRequests.set(itemId, request);
    this.store.detailLoading(itemId);
    try {
      const loaded = await this.client.getItem(itemId);
      if (this.detailRequests.get(itemId) === request) this.store.detailLoaded(loaded);
    } catch (error) {
      if (this.detailRequests.get(itemId) === request) this.store.detailFailed(itemId, this.explain(error));
    }
  }

  claim = (itemId: string) => this.changeItem('claim', itemId, () => this.client.claim(itemId));
  release = (itemId: string) => this.changeItem('release', itemId, () => this.client.release(itemId));
  assign = (itemId: string, userId: string) =>
    this.changeItem('assign', itemId, () => this.client.assign(itemId, userId));
  transition = (itemId: string, action: TransitionAction) =>
    this.changeItem(action, itemId, () => this.client.transition(itemId, action));
  setTags = (itemId: string, tags: string[]) =>
    this.changeItem('tags', itemId, () => this.client.setTags(itemId, tags));
  correct = (itemId: string, correction: Correction) =>
    this.changeItem('correction', itemId, () => this.client.correct(itemId, correction));

  /** Adds an internal note; true when it was stored (the box may then be cleared). */
  addNote = async (itemId: string, text: string): Promise<boolean> => {
    if (text.trim() === '') return false;
    return this.exclusively('note', async () => {
      const event = await this.client.addNote(itemId, text.trim());
      this.store.eventAdded(itemId, event);
    });
  };

  /**
   * Sends the item's draft reply. Its Idempotency-Key is made once and stored with the draft before
   * the first attempt, and dropped only when the server has accepted the reply: a retry after a
   * timeout, or a second click, can never post it twice.
   */
  sendReply = async (itemId: string): Promise<boolean> => {
    const draft = this.store.getSnapshot().drafts[itemId];
    if (draft === undefined || draft.text.trim() === '') return false;
    const idempotencyKey = draft.idempotencyKey ?? this.newKey();
    if (draft.idempotencyKey === null) this.store.setDraft(itemId, { ...draft, idempotencyKey });
    return this.exclusively('reply', async () => {
      const reply = await this.client.reply(itemId, draft.text.trim(), idempotencyKey);
      this.store.replyReceived(itemId, reply);
      this.store.setDraft(itemId, null);
      void this.loadDetail(itemId);
    });
  };

  /** Writes the draft, keeping the key of a reply already tried. */
  editDraft = (itemId: string, text: string): void => {
    const draft = this.store.getSnapshot().drafts[itemId];
    this.store.setDraft(itemId, { text, idempotencyKey: draft?.idempotencyKey ?? null });
  };

  bulk = async (action: BulkAction): Promise<void> => {
    const ids = [...this.store.getSnapshot().checked];
    if (ids.length === 0) return;
    this.store.setNotice(null);
    await this.exclusively(`bulk-${action}`, async () => {
      const { updated, skipped } = await this.client.bulk(ids, action);
      this.store.setNotice(
        `${BULK_DONE[action]} ${updated} of ${ids.length}${skipped > 0 ? `; ${skipped} skipped` : ''}.`,
      );
      this.store.checkAll(false);
      await this.reloadList();
    });
  };

  private async changeItem(name: string, itemId: string, call: () => Promise<TriageItemView>): Promise<boolean> {
    return this.exclusively(name, async () => {
      this.store.receiveItems([await call()]);
      // The change wrote to the item's history: show it.
      if (this.store.getSnapshot().selectedId === itemId) void this.loadDetail(itemId);
    });
  }

  private async exclusively(name: string, work: () => Promise<void>): Promise<boolean> {
    if (this.store.getSnapshot().busy !== null) return false;
    this.store.setBusy(name);
    this.store.setActionError(null);
    try {
      await work();
      return true;
    } catch (error) {
      this.store.setActionError(this.explain(error));
      return false;
    } finally {
      this.store.setBusy(null);
    }
  }

  private explain(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.status === 401) this.onUnauthorized();
      return error.message;
    }
    return `Could not reach the server: ${error instanceof Error ? error.message : String(error)}`;
  }
}
