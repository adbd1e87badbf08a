/**
 * Where a newest-first search (X recent search, Reddit, Bluesky) was left. Such searches page from
 * the newest post backwards, so a poll reads down to the newest post the previous poll took.
 */
export interface NewestFirstCursor {
  /** The newest post taken so far: a poll stops when it reaches it. */
  highWater?: string;
  /**
   * A poll stopped early (budget, rate limit, error) with older pages unread: the next poll
   * continues from `page` before moving the high-water mark to `newest`.
   */
  pending?: { page: string; newest: string };
}

export interface SearchPage<T> {
  items: T[];
  /** The token of the next (older) page; absent on the last one. */
  next?: string;
}

export interface NewestFirstDrain<T> {
  /** Fetches one page; `page` is undefined for the newest one. */
  fetchPage(page: string | undefined, highWater: string | undefined): Promise<SearchPage<T>>;
  keyOf(item: T): string;
  /** Orders keys: negative when `a` is older than `b`. */
  compare(a: string, b: string): number;
  maxReads: number;
}

export interface DrainResult<T> {
  items: T[];
  cursor: NewestFirstCursor;
  /** Every item fetched, including those at or below the high-water mark: paid APIs bill them all. */
  reads: number;
  truncated: boolean;
  /** The drain stopped on this error; `items` and `cursor` cover what was read before it. */
  stoppedBy?: unknown;
}

/** Numeric ids of any length (X's snowflakes are beyond 2^53): shorter is older. */
export function compareNumericIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Reads pages newest first down to the previous high-water mark. Stops early when the reads
 * reach `maxReads` or a page fails, leaving a cursor that resumes exactly there: nothing is
 * skipped and nothing is read twice. The first poll ever (no high-water mark) takes one page only,
 * so a new query starts from now instead of burning its budget on the past.
 */
export async function drainNewestFirst<T>(
  cursor: NewestFirstCursor | null,
  drain: NewestFirstDrain<T>,
): Promise<DrainResult<T>> {
  const highWater = cursor?.highWater;
  let page = cursor?.pending?.page;
  let newest = cursor?.pending?.newest;
  const items: T[] = [];
  let reads = 0;
  for (;;) {
    let result: SearchPage<T>;
    try {
      result = await drain.fetchPage(page, highWater);
    } catch (error) {
      if (items.length === 0 && page === cursor?.pending?.page) throw error;
      return { items, cursor: resumeAt(highWater, page, newest), reads, truncated: true, stoppedBy: error };
    }
    reads += result.items.length;
    let reached = false;
    for (const item of result.items) {
      const key = drain.keyOf(item);
      if (highWater !== undefined && drain.compare(key, highWater) <= 0) {
        reached = true;
        break;
      }
      items.push(item);
      if (newest === undefined || drain.compare(key, newest) > 0) newest = key;
    }
    const firstPollEver = highWater === undefined;
    if (reached || result.next === undefined || firstPollEver) {
      return { items, cursor: newest === undefined ? (cursor ?? {}) : { highWater: newest }, reads, truncated: false };
    }
    page = result.next;
    if (reads >= drain.maxReads) {
      return { items, cursor: resumeAt(highWater, page, newest), reads, truncated: true };
    }
  }
}

function resumeAt(
  highWater: string | undefined,
  page: string | undefined,
  newest: string | undefined,
): NewestFirstCursor {
  if (page === undefined || newest === undefined) return highWater === undefined ? {} : { highWater };
  return { ...(highWater !== undefined && { highWater }), pending: { page, newest } };
}
