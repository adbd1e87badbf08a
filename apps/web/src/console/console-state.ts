import type { PresenceEntry, PresenceEvent, ReplyView, TriageEventView, TriageItemView } from '@watchfloor/contracts';
import { compareInboxOrder, DEFAULT_FILTER, matchesFilter } from './inbox-filter';
import type { InboxFilter } from './inbox-filter';

export type ConsoleConnection = 'connecting' | 'live' | 'reconnecting';

export interface ItemDetailState {
  itemId: string;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  events: readonly TriageEventView[];
  replies: readonly ReplyView[];
  /** The item version the events and replies were read at, or are being read at: a newer one means read them again. */
  loadedVersion: number;
}

/** A reply being written, and the key that makes sending it idempotent until it succeeds. */
export interface ReplyDraft {
  text: string;
  idempotencyKey: string | null;
}

export interface ConsoleState {
  selfId: string;
  connection: ConsoleConnection;
  filter: InboxFilter;
  /** Every item the console shows: the inbox's and the open one's, newest version of each. */
  items: Readonly<Record<string, TriageItemView>>;
  /** The inbox, in the server's order. */
  listIds: readonly string[];
  list: { status: 'loading' | 'ready' | 'error'; error: string | null; truncated: boolean };
  selectedId: string | null;
  /** Where the open item stood in the inbox, so "next" still works after it leaves the list. */
  selectedIndexHint: number;
  detail: ItemDetailState | null;
  /** Ticked for a bulk action, in inbox order. */
  checked: readonly string[];
  /** Who is at each item now, as the server last said (including oneself). */
  presence: Readonly<Record<string, readonly PresenceEntry[]>>;
  drafts: Readonly<Record<string, ReplyDraft>>;
  /** The last action's refusal, shown beside the open item. */
  actionError: string | null;
  /** The action running now ("claim", "reply"...): its button waits. */
  busy: string | null;
  /** What the last bulk action did. */
  notice: string | null;
}

export function emptyConsole(selfId: string, filter: InboxFilter = DEFAULT_FILTER): ConsoleState {
  return {
    selfId,
    connection: 'connecting',
    filter,
    items: {},
    listIds: [],
    list: { status: 'loading', error: null, truncated: false },
    selectedId: null,
    selectedIndexHint: 0,
    detail: null,
    checked: [],
    presence: {},
    drafts: {},
    actionError: null,
    busy: null,
    notice: null,
  };
}

/** The newer of two copies of an item; a reply that raced a live update must not undo it. */
function newer(cached: TriageItemView | undefined, incoming: TriageItemView): TriageItemView {
  return cached !== undefined && cached.version > incoming.version ? cached : incoming;
}

/**
 * Live updates carry no sentiment explanation (the API works it out when an item is read). It
 * depends only on the post's text, which never changes: an update keeps the one already known.
 */
function withExplanation(incoming: TriageItemView, known: TriageItemView | undefined): TriageItemView {
  if (incoming.mention.explanation.length > 0 || known === undefined || known.mention.id !== incoming.mention.id) {
    return incoming;
  }
  return known.mention.explanation.length === 0
    ? incoming
    : { ...incoming, mention: { ...incoming.mention, explanation: known.mention.explanation } };
}

/** Keeps the cache to what is on screen: the inbox, the open item, the ticked ones. */
function prune(items: Record<string, TriageItemView>, keep: Iterable<string>): Record<string, TriageItemView> {
  const kept: Record<string, TriageItemView> = {};
  for (const id of keep) {
    const item = items[id];
    if (item !== undefined) kept[id] = item;
  }
  return kept;
}

function withHint(state: ConsoleState): ConsoleState {
  if (state.selectedId === null) return state;
  const index = state.listIds.indexOf(state.selectedId);
  return index < 0 || index === state.selectedIndexHint ? state : { ...state, selectedIndexHint: index };
}

function keepIds(state: Pick<ConsoleState, 'listIds' | 'selectedId'>): string[] {
  return [...state.listIds, ...(state.selectedId === null ? [] : [state.selectedId])];
}

/** The inbox as the server answered for `filter`, merged with whatever newer the socket brought meanwhile. */
export function loadList(state: ConsoleState, fetched: readonly TriageItemView[], limit: number): ConsoleState {
  const items: Record<string, TriageItemView> = { ...state.items };
  const listIds: string[] = [];
  for (const incoming of fetched) {
    const item = withExplanation(newer(items[incoming.id], incoming), items[incoming.id]);
    items[item.id] = item;
    if (matchesFilter(item, state.filter, state.selfId) && !listIds.includes(item.id)) listIds.push(item.id);
  }
  const checked = state.checked.filter((id) => listIds.includes(id));
  const next = {
    ...state,
    listIds,
    checked,
    list: { status: 'ready' as const, error: null, truncated: fetched.length >= limit },
  };
  return withHint({ ...next, items: prune(items, keepIds(next)) });
}

/**
 * Applies items created or changed (from the socket, or an action's answer): each replaces an older
 * copy, joins the inbox in its place if it matches the filter, and leaves it if it no longer does.
 */
export function upsertItems(state: ConsoleState, incoming: readonly TriageItemView[]): ConsoleState {
  const items: Record<string, TriageItemView> = { ...state.items };
  let listIds = [...state.listIds];
  let selectedIndexHint = state.selectedIndexHint;
  for (const candidate of incoming) {
    const previous = items[candidate.id];
    if (previous !== undefined && previous.version > candidate.version) continue;
    items[candidate.id] = withExplanation(candidate, previous);
    const at = listIds.indexOf(candidate.id);
    const belongs = matchesFilter(candidate, state.filter, state.selfId);
    // Unchanged in order (same priority): it keeps its place, as the server listed it.
    if (at >= 0 && belongs && previous?.priority === candidate.priority) {
      continue;
    }
    if (at >= 0) {
      listIds.splice(at, 1);
      if (candidate.id === state.selectedId) selectedIndexHint = at;
    }
    if (belongs) {
      const before = listIds.findIndex((id) => {
        const other = items[id];
        return other !== undefined && compareInboxOrder(candidate, other) < 0;
      });
      listIds =
        before < 0 ? [...listIds, candidate.id] : [...listIds.slice(0, before), candidate.id, ...listIds.slice(before)];
    }
  }
  const checked = state.checked.filter((id) => listIds.includes(id));
  const next = { ...state, listIds, checked, selectedIndexHint };
  return withHint({ ...next, items: prune(items, keepIds(next)) });
}

export function select(state: ConsoleState, itemId: string | null): ConsoleState {
  if (itemId === state.selectedId) return state;
  const index = itemId === null ? -1 : state.listIds.indexOf(itemId);
  const next: ConsoleState = {
    ...state,
    selectedId: itemId,
    selectedIndexHint: index >= 0 ? index : state.selectedIndexHint,
    actionError: null,
    detail: state.detail?.itemId === itemId ? state.detail : null,
  };
  // The item left behind drops out of the cache if the inbox no longer holds it.
  return { ...next, items: prune({ ...state.items }, keepIds(next)) };
}

/** The item `delta` places down (positive) or up the inbox from the open one; from none, the first. */
export function neighbour(state: ConsoleState, delta: number): string | null {
  const { listIds, selectedId } = state;
  if (listIds.length === 0) return selectedId;
  const clamp = (index: number) => Math.min(Math.max(index, 0), listIds.length - 1);
  if (selectedId === null) return listIds[0]!;
  const index = listIds.indexOf(selectedId);
  if (index >= 0) return listIds[clamp(index + delta)]!;
  // The open item left the inbox: the one now in its place is "next", the one before it "previous".
  return listIds[clamp(delta > 0 ? state.selectedIndexHint + delta - 1 : state.selectedIndexHint + delta)]!;
}

export function toggleChecked(state: ConsoleState, itemId: string): ConsoleState {
  if (!state.listIds.includes(itemId)) return state;
  const checked = state.checked.includes(itemId)
    ? state.checked.filter((id) => id !== itemId)
    : state.listIds.filter((id) => id === itemId || state.checked.includes(id));
  return { ...state, checked };
}

export function checkAll(state: ConsoleState, all: boolean): ConsoleState {
  return { ...state, checked: all ? [...state.listIds] : [] };
}

export function setPresence(state: ConsoleState, event: PresenceEvent): ConsoleState {
  const presence = { ...state.presence };
  if (event.people.length === 0) delete presence[event.itemId];
  else presence[event.itemId] = event.people;
  return { ...state, presence };
}

/** Others at an item, oneself left out. */
export function othersAt(state: Pick<ConsoleState, 'presence' | 'selfId'>, itemId: string): PresenceEntry[] {
  return (state.presence[itemId] ?? []).filter((person) => person.userId !== state.selfId);
}

export function detailLoaded(
  state: ConsoleState,
  loaded: { item: TriageItemView; events: TriageEventView[]; replies: ReplyView[] },
): ConsoleState {
  if (state.selectedId !== loaded.item.id) return upsertItems(state, [loaded.item]);
  const next = upsertItems(state, [loaded.item]);
  return {
    ...next,
    detail: {
      itemId: loaded.item.id,
      status: 'ready',
      error: null,
      events: loaded.events,
      replies: loaded.replies,
      loadedVersion: loaded.item.version,
    },
  };
}

export function appendEvent(state: ConsoleState, itemId: string, event: TriageEventView): ConsoleState {
  const detail = state.detail;
  if (detail?.itemId !== itemId || detail.events.some((known) => known.id === event.id)) return state;
  return { ...state, detail: { ...detail, events: [...detail.events, event] } };
}

export function upsertReply(state: ConsoleState, itemId: string, reply: ReplyView): ConsoleState {
  const detail = state.detail;
  if (detail?.itemId !== itemId) return state;
  const replies = detail.replies.some((known) => known.id === reply.id)
    ? detail.replies.map((known) => (known.id === reply.id ? reply : known))
    : [...detail.replies, reply];
  return { ...state, detail: { ...detail, replies } };
}

export function setDraft(state: ConsoleState, itemId: string, draft: ReplyDraft | null): ConsoleState {
  const drafts = { ...state.drafts };
  if (draft === null) delete drafts[itemId];
  else drafts[itemId] = draft;
  return { ...state, drafts };
}
