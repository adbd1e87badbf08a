import type { RateLimitStatus } from '../connector';
import { compareNumericIds } from '../newest-first-pager';
import { SourceHttpError } from '../source-http-error';

export interface ForwardPage<T> {
  items: T[];
  rateLimit?: RateLimitStatus;
}

export interface ForwardDrain<T> {
  /**
   * Fetches the page immediately newer than `minId` (Mastodon's `min_id`), or the newest page when
   * `minId` is undefined. Items may come in any order.
   */
  fetchPage(minId: string | undefined, limit: number): Promise<ForwardPage<T>>;
  /** The id the paging runs on (a status id, or a notification id); undefined for a malformed item. */
  idOf(item: T): string | undefined;
  pageSize: number;
  maxReads: number;
}

export interface ForwardDrainResult<T> {
  items: T[];
  /** The newest id read: the next drain starts after it. Unchanged when nothing was read. */
  newestId: string | undefined;
  reads: number;
  /** Pages were left unread (budget, or an error after some pages): resuming at `newestId` loses nothing. */
  truncated: boolean;
  rateLimit?: RateLimitStatus;
  /** The drain stopped on this error after reading some pages; what it read is in `items`. */
  stoppedBy?: unknown;
}

/** Below every Mastodon id: `min_id=0` reads a feed from its very start. */
export const BEFORE_ANY_ID = '0';

/**
 * Reads forward from `minId`, oldest page first, until a page comes back short. Because each page
 * starts right after the newest id already read, stopping anywhere (budget spent, rate limited)
 * leaves `newestId` as an exact resume point. With no `minId` (the first poll ever) only the newest
 * page is taken, so a new source starts from now instead of spending its budget on the past; when
 * that page is empty the resume point is BEFORE_ANY_ID, since everything that comes later is new.
 */
export async function drainFromMinId<T>(
  minId: string | undefined,
  drain: ForwardDrain<T>,
): Promise<ForwardDrainResult<T>> {
  const items: T[] = [];
  let newestId = minId;
  let reads = 0;
  let rateLimit: RateLimitStatus | undefined;
  for (;;) {
    const limit = Math.min(drain.pageSize, drain.maxReads - reads);
    // Only reached before the first page: after a full page the budget check below stops first.
    if (limit <= 0) return { items, newestId, reads, truncated: false, rateLimit };
    let page: ForwardPage<T>;
    try {
      page = await drain.fetchPage(newestId, limit);
    } catch (error) {
      if (reads === 0) throw error;
      const limited = error instanceof SourceHttpError ? error.rateLimit : undefined;
      return { items, newestId, reads, truncated: true, rateLimit: limited ?? rateLimit, stoppedBy: error };
    }
    rateLimit = page.rateLimit ?? rateLimit;
    reads += page.items.length;
    const pageStart = newestId;
    for (const item of page.items) {
      const id = drain.idOf(item);
      // An item at or below the resume point was taken before (a server that ignored min_id).
      if (id !== undefined && pageStart !== undefined && compareNumericIds(id, pageStart) <= 0) continue;
      items.push(item);
      if (id !== undefined && (newestId === undefined || compareNumericIds(id, newestId) > 0)) newestId = id;
    }
    if (minId === undefined) return { items, newestId: newestId ?? BEFORE_ANY_ID, reads, truncated: false, rateLimit };
    // A page that moved nothing forward would be asked for again forever.
    if (page.items.length < limit || newestId === pageStart) {
      return { items, newestId, reads, truncated: false, rateLimit };
    }
    if (reads >= drain.maxReads) return { items, newestId, reads, truncated: true, rateLimit };
  }
}
