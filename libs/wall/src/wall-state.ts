import type { LiveMention, WallFrame, WallMinute, WallPost, WallState } from '@watchfloor/contracts';
import { MINUTE_MS, addMinutes, minuteOf } from './wall-minute';

/** Minutes of counts a screen keeps: the longest chart window. */
export const WALL_MINUTES = 60;
export const NEWEST_KEPT = 30;
export const FLAGGED_KEPT = 20;
export const INFLUENTIAL_KEPT = 10;
const INFLUENTIAL_WINDOW_MS = 60 * MINUTE_MS;

export function emptyWallState(): WallState {
  return {
    frameId: null,
    at: 0,
    minutes: [],
    newest: [],
    flagged: [],
    influential: [],
    issues: null,
    sla: null,
    sources: null,
    crises: null,
  };
}

/**
 * The state after one more frame. Every part stays bounded however long a screen runs: minutes
 * older than the window fall off, lists are cut to their length. The caller applies frames in
 * order (a frame's `previousId` is the state's `frameId`); applying one twice would count it twice.
 */
export function applyFrame(state: WallState, frame: WallFrame): WallState {
  return {
    frameId: frame.id,
    at: frame.at,
    minutes: mergeMinutes(state.minutes, frame.minutes, frame.at),
    newest: newestFirst([...frame.newest, ...state.newest]).slice(0, NEWEST_KEPT),
    flagged: [
      ...frame.flagged,
      ...state.flagged.filter((item) => !frame.flagged.some((f) => f.itemId === item.itemId)),
    ].slice(0, FLAGGED_KEPT),
    influential: mostInfluential([...frame.influential, ...state.influential], frame.at),
    issues: frame.issues ?? state.issues,
    sla: frame.sla ?? state.sla,
    sources: frame.sources ?? state.sources,
    crises: frame.crises ?? state.crises,
  };
}

function mergeMinutes(kept: WallMinute[], added: WallMinute[], now: number): WallMinute[] {
  const oldest = minuteOf(now) - (WALL_MINUTES - 1) * MINUTE_MS;
  const byMinute = new Map(kept.filter((entry) => entry.minute >= oldest).map((entry) => [entry.minute, entry]));
  for (const entry of added) {
    if (entry.minute < oldest) continue;
    const current = byMinute.get(entry.minute);
    byMinute.set(entry.minute, current === undefined ? entry : addMinutes(current, entry));
  }
  return [...byMinute.values()].sort((a, b) => a.minute - b.minute);
}

function newestFirst(mentions: LiveMention[]): LiveMention[] {
  const unique = new Map(mentions.map((mention) => [mention.id, mention]));
  return [...unique.values()].sort((a, b) => b.ingestedAt - a.ingestedAt || Number(b.id) - Number(a.id));
}

/** The hour's highest-reach posts, each once. */
function mostInfluential(posts: WallPost[], now: number): WallPost[] {
  const recent = posts.filter((post) => post.ingestedAt > now - INFLUENTIAL_WINDOW_MS);
  const unique = new Map(recent.map((post) => [post.id, post]));
  return [...unique.values()].sort((a, b) => b.reach - a.reach).slice(0, INFLUENTIAL_KEPT);
}
