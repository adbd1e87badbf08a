import type { CalendarEventView, WallQueryView, WallState } from '@watchfloor/contracts';

/** What every panel may draw from: plain data, no sockets or fetching of their own. */
export interface PanelInputs {
  wall: WallState;
  /** False while the feed is down: everything shown is then marked stale. */
  live: boolean;
  /** The saved queries, to name share of voice; null until read. */
  queries: WallQueryView[] | null;
  /** The marketing calendar over the charts' window. */
  calendar: CalendarEventView[];
}

/** When the stream parts of the state were current: the last frame's time, or null before any. */
export function streamDataAt(inputs: PanelInputs): number | null {
  return inputs.wall.frameId === null ? null : inputs.wall.at;
}
