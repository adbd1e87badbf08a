import { useEffect } from 'react';
import type { ConsoleActions } from './console-actions';
import type { ConsoleState } from './console-state';

/** How often an open item with replies still on their way is read again, until they are sent or fail. */
export const REPLY_POLL_MS = 3_000;
/** A reply still queued after this long is stuck (the worker retries with backoff): stop asking every few seconds. */
export const REPLY_POLL_FOR_MS = 2 * 60_000;

/**
 * Keeps the open item's history current: a live update of the item (someone else acted) reads
 * its timeline again, and replies still queued or sending are watched until they settle.
 */
export function useDetailSync(
  state: Pick<ConsoleState, 'selectedId' | 'items' | 'detail'>,
  actions: ConsoleActions,
): void {
  const { selectedId, detail } = state;
  const version = selectedId === null ? undefined : state.items[selectedId]?.version;
  const ready = detail !== null && detail.itemId === selectedId && detail.status === 'ready';
  const loadedVersion = ready ? detail.loadedVersion : undefined;

  useEffect(() => {
    if (selectedId === null || version === undefined || loadedVersion === undefined) return;
    if (version > loadedVersion) void actions.loadDetail(selectedId);
  }, [actions, selectedId, version, loadedVersion]);

  useEffect(() => {
    if (selectedId === null || detail?.itemId !== selectedId || detail.status !== 'ready') return;
    const since = Date.now() - REPLY_POLL_FOR_MS;
    const pending = detail.replies.some(
      (reply) => (reply.status === 'queued' || reply.status === 'sending') && Date.parse(reply.createdAt) > since,
    );
    if (!pending) return;
    const timer = setTimeout(() => void actions.loadDetail(selectedId), REPLY_POLL_MS);
    return () => clearTimeout(timer);
  }, [actions, selectedId, detail]);
}
