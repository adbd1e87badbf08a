import type { LiveMention } from '@watchfloor/contracts';

/** Mentions kept on screen: more than a wall can show, and a hard cap on memory. */
export const STREAM_LENGTH = 40;
/** Ids remembered to drop repeated deliveries (after a reconnect, a retried batch). */
const REMEMBERED_IDS = 20_000;
export const CHART_MINUTES = 15;
const MINUTE_MS = 60_000;

export interface MinuteVolume {
  /** Start of the minute, epoch ms. */
  minute: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Posts in languages the scorer cannot read: volume without sentiment. */
  unsupported: number;
  scoreSum: number;
}

/**
 * The wall's state. `seen` is updated in place (it is bounded and only ever read here), so the
 * functions below must run once per event: the store calls them, never a React reducer.
 */
export interface WallState {
  /** Newest first. */
  mentions: LiveMention[];
  /** Oldest first, the last CHART_MINUTES minutes. */
  minutes: MinuteVolume[];
  /** Mentions counted in `minutes` by the server up to this time; live ones before it are already in. */
  countedUntil: number;
  seen: Set<string>;
  seenOrder: string[];
}

export interface VolumeSnapshot {
  minute: string;
  positive: number;
  neutral: number;
  negative: number;
  unsupported: number;
  meanScore: number;
}

export function emptyWall(): WallState {
  return { mentions: [], minutes: [], countedUntil: 0, seen: new Set(), seenOrder: [] };
}

/**
 * Merges what the server holds into the wall after (re)connecting: the stream gets what it
 * missed while away, and the chart is replaced by the server's counts.
 */
export function loadSnapshot(
  state: WallState,
  recent: LiveMention[],
  volume: VolumeSnapshot[],
  fetchedAt: number,
): WallState {
  const byId = new Map<string, LiveMention>();
  for (const mention of [...state.mentions, ...recent]) byId.set(mention.id, mention);
  for (const mention of recent) remember(state, mention.id);
  const mentions = [...byId.values()]
    .sort((a, b) => b.ingestedAt - a.ingestedAt || Number(b.id) - Number(a.id))
    .slice(0, STREAM_LENGTH);
  const minutes = new Map<number, MinuteVolume>();
  for (const entry of volume) {
    const minute = Date.parse(entry.minute);
    const total = entry.positive + entry.neutral + entry.negative;
    minutes.set(minute, {
      minute,
      positive: entry.positive,
      neutral: entry.neutral,
      negative: entry.negative,
      unsupported: entry.unsupported,
      scoreSum: entry.meanScore * total,
    });
  }
  return { ...state, mentions, minutes: lastMinutes(minutes, fetchedAt), countedUntil: fetchedAt };
}

/** Returns false if the id was seen already. */
function remember(state: WallState, id: string): boolean {
  if (state.seen.has(id)) return false;
  state.seen.add(id);
  state.seenOrder.push(id);
  if (state.seenOrder.length > REMEMBERED_IDS) state.seen.delete(state.seenOrder.shift()!);
  return true;
}

/**
 * Adds live mentions (oldest first, as they arrive): drops ones already seen, keeps the stream
 * bounded, and counts new ones into their minute unless the server's snapshot already has them.
 */
export function receiveMentions(state: WallState, incoming: LiveMention[], now: number): WallState {
  const fresh = incoming.filter((mention) => remember(state, mention.id));
  if (fresh.length === 0) return state;
  const mentions = [...fresh.reverse(), ...state.mentions].slice(0, STREAM_LENGTH);
  return { ...state, mentions, minutes: countIntoMinutes(state.minutes, fresh, state.countedUntil, now) };
}

function countIntoMinutes(
  minutes: MinuteVolume[],
  mentions: LiveMention[],
  countedUntil: number,
  now: number,
): MinuteVolume[] {
  const byMinute = new Map(minutes.map((entry) => [entry.minute, { ...entry }]));
  for (const mention of mentions) {
    if (mention.ingestedAt <= countedUntil) continue;
    const minute = Math.floor(mention.ingestedAt / MINUTE_MS) * MINUTE_MS;
    const entry = byMinute.get(minute) ?? emptyMinute(minute);
    entry[mention.sentiment.label]++;
    entry.scoreSum += mention.sentiment.score;
    byMinute.set(minute, entry);
  }
  return lastMinutes(byMinute, now);
}

function emptyMinute(minute: number): MinuteVolume {
  return { minute, positive: 0, neutral: 0, negative: 0, unsupported: 0, scoreSum: 0 };
}

/** The chart's window, gaps filled with zeros, oldest first. */
export function lastMinutes(byMinute: Map<number, MinuteVolume>, now: number): MinuteVolume[] {
  const current = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const result: MinuteVolume[] = [];
  for (let minute = current - (CHART_MINUTES - 1) * MINUTE_MS; minute <= current; minute += MINUTE_MS) {
    result.push(byMinute.get(minute) ?? emptyMinute(minute));
  }
  return result;
}

/**
 * Mentions over the last 60 seconds, by the sliding-window estimate: this minute's count plus
 * the share of the previous minute that still falls inside the window. Steady, and live from
 * the first minute on.
 */
export function mentionsPerMinute(state: WallState, now: number): number {
  const current = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const total = (minute: number) => {
    const entry = state.minutes.find((candidate) => candidate.minute === minute);
    return entry === undefined ? 0 : entry.positive + entry.neutral + entry.negative + entry.unsupported;
  };
  const elapsed = (now - current) / MINUTE_MS;
  return Math.round(total(current) + total(current - MINUTE_MS) * (1 - elapsed));
}
