import { UnreadableResponseError, asArray, asRecord, asString } from '../../normalizers/normalized-batch';
import type { RateLimitStatus } from '../connector';
import { compareNumericIds, drainNewestFirst } from '../newest-first-pager';
import type { NewestFirstCursor } from '../newest-first-pager';
import type { PlatformResponse } from '../platform-http';
import { SourceHttpError } from '../source-http-error';
import { MASTODON_PAGE_SIZE } from './mastodon-api';
import { BEFORE_ANY_ID } from './min-id-pager';

export interface SearchRead {
  statuses: unknown[];
  reads: number;
  truncated: boolean;
  rateLimit?: RateLimitStatus;
  cursor: NewestFirstCursor;
}

/**
 * Reads one statuses search down to the newest status taken before. Mastodon's search does not
 * page like timelines: results come newest first, and since 4.2 `min_id`/`max_id` only become
 * `after:`/`before:` dates to the second (StatusesSearchService#convert_deprecated_options!).
 * So `min_id` is sent as a lower bound only, pages go by `offset`, and the newest-first pager stops
 * at the high-water mark. A page token is "offset:oldest id read", so results that moved down the
 * list (newer posts arrived between pages or polls) are not taken twice.
 */
export async function readSearch(
  search: (params: [string, string][]) => Promise<PlatformResponse<unknown>>,
  cursor: NewestFirstCursor | undefined,
  maxReads: number,
): Promise<SearchRead> {
  const unidentified: unknown[] = [];
  let reads = 0;
  let rateLimit: RateLimitStatus | undefined;
  const drained = await drainNewestFirst<Record<string, unknown>>(cursor ?? null, {
    maxReads,
    keyOf: (status) => asString(status['id']) ?? BEFORE_ANY_ID,
    compare: compareNumericIds,
    fetchPage: async (page, highWater) => {
      const [offset, oldestRead] = parsePage(page);
      const limit = Math.max(1, Math.min(MASTODON_PAGE_SIZE, maxReads - reads));
      const params: [string, string][] = [
        ['limit', String(limit)],
        ['offset', String(offset)],
      ];
      if (highWater !== undefined && highWater !== BEFORE_ANY_ID) params.push(['min_id', highWater]);
      const response = await search(params);
      rateLimit = response.rateLimit ?? rateLimit;
      const found = statusesOf(response.body);
      reads += found.length;
      const identified: Record<string, unknown>[] = [];
      let oldest = oldestRead;
      for (const item of found) {
        const status = asRecord(item);
        const id = asString(status?.['id']);
        // A status without an id cannot be placed: the normalizer rejects it with its reason.
        if (status === undefined || id === undefined) unidentified.push(item);
        else if (oldestRead === undefined || compareNumericIds(id, oldestRead) < 0) identified.push(status);
        if (id !== undefined && (oldest === undefined || compareNumericIds(id, oldest) < 0)) oldest = id;
      }
      const full = found.length >= limit && oldest !== undefined;
      return { items: identified, ...(full && { next: `${offset + found.length}:${oldest}` }) };
    },
  });
  const limited = drained.stoppedBy instanceof SourceHttpError ? drained.stoppedBy.rateLimit : undefined;
  const first = cursor?.highWater === undefined && cursor?.pending === undefined;
  const empty = drained.cursor.highWater === undefined && drained.cursor.pending === undefined;
  return {
    statuses: [...drained.items, ...unidentified],
    reads,
    truncated: drained.truncated,
    ...((limited ?? rateLimit) !== undefined && { rateLimit: limited ?? rateLimit }),
    // A search empty when it started: everything it finds later is new.
    cursor: first && empty ? { highWater: BEFORE_ANY_ID } : drained.cursor,
  };
}

function parsePage(page: string | undefined): [number, string | undefined] {
  if (page === undefined) return [0, undefined];
  const [offset, oldest] = page.split(':');
  const parsed = Number(offset);
  return [Number.isInteger(parsed) && parsed >= 0 ? parsed : 0, oldest === '' ? undefined : oldest];
}

function statusesOf(body: unknown): unknown[] {
  const statuses = asRecord(body)?.['statuses'];
  if (!Array.isArray(statuses)) throw new UnreadableResponseError('not a Mastodon search result: no statuses');
  return asArray(statuses);
}
