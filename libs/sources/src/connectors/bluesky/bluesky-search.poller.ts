import { BLUESKY_SEARCH, toPlatformSearches } from '@watchfloor/listening';
import { normalizeBluesky } from '../../normalizers/bluesky.normalizer';
import { UnreadableResponseError, asArray, asRecord, asString } from '../../normalizers/normalized-batch';
import type { PollRequest, PollResult, Poller, RateLimitStatus } from '../connector';
import { drainNewestFirst } from '../newest-first-pager';
import type { DrainResult, NewestFirstCursor, SearchPage } from '../newest-first-pager';
import { requestPlatform } from '../platform-http';
import type { PlatformResponse } from '../platform-http';
import { SourceHttpError } from '../source-http-error';
import { blueskyRateLimit, xrpcUrl } from './bluesky-session';
import type { BlueskySession } from './bluesky-session';

/**
 * Where each search of a query was left. Bluesky search has no OR, so one query can be several
 * searches (toPlatformSearches); each pages on its own. A search the query no longer makes is
 * dropped, and a new one starts fresh (one page, as any first poll).
 */
export interface BlueskySearchCursor {
  searches: Record<string, NewestFirstCursor>;
}

export interface BlueskySearchOptions {
  /** Logged in, search goes through the account's PDS; without, to the public AppView. */
  session?: BlueskySession;
  /** Defaults to https://public.api.bsky.app. */
  appViewUrl?: string;
  /** The `source` written on each mention; defaults to "bluesky". */
  source?: string;
}

export interface BlueskySearchPollResult extends PollResult<BlueskySearchCursor> {
  /** A search failed after others had read (a 429, an outage): the rest wait for the next poll. */
  stoppedBy?: unknown;
}

interface KeyedPost {
  view: unknown;
  key: string;
}

/** searchPosts' largest page. */
const PAGE_SIZE = 100;

/**
 * The key a post is ordered by: its sortAt, then its AT URI for posts of the same millisecond.
 * searchPosts (sort=latest) orders by sortAt, as its `since` parameter documents; the AppView
 * takes it as the earlier of createdAt and indexedAt, so a post whose createdAt lies in the
 * future cannot push the high-water mark ahead and hide the posts after it. indexedAt alone would
 * not follow the search's order when indexing lags vary, and the pager stops at the first key at
 * or below the mark. Returns undefined for a post without a readable indexedAt or uri.
 */
export function blueskyPostKey(view: unknown): string | undefined {
  const post = asRecord(view);
  const uri = asString(post?.['uri']);
  const indexedAt = Date.parse(asString(post?.['indexedAt']) ?? '');
  if (uri === undefined || !uri.startsWith('at://') || Number.isNaN(indexedAt)) return undefined;
  const createdAt = Date.parse(asString(asRecord(post?.['record'])?.['createdAt']) ?? '');
  const sortAt = Number.isNaN(createdAt) ? indexedAt : Math.min(createdAt, indexedAt);
  // ISO strings of one width compare as strings in time order.
  return `${new Date(sortAt).toISOString()} ${uri}`;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Polls app.bsky.feed.searchPosts (sort=latest) for one listening query: each of its searches
 * pages with its own opaque cursor down to the newest post the previous poll took. The reads
 * budget is shared fairly among the searches; a post found by two searches is kept once.
 */
export class BlueskySearchPoller implements Poller<BlueskySearchCursor> {
  private readonly appViewUrl: string;

  constructor(private readonly options: BlueskySearchOptions = {}) {
    this.appViewUrl = options.appViewUrl ?? 'https://public.api.bsky.app';
  }

  async poll(request: PollRequest<BlueskySearchCursor>): Promise<BlueskySearchPollResult> {
    if (request.query === null) throw new Error('Bluesky search polls one listening query at a time: none was given');
    const searches = toPlatformSearches(request.query.node, BLUESKY_SEARCH).map((search) => search.query);
    const previous = request.cursor?.searches ?? {};
    const next: Record<string, NewestFirstCursor> = {};
    const posts = new Map<string, unknown>();
    let reads = 0;
    let truncated = false;
    let rateLimit: RateLimitStatus | undefined;
    let stoppedBy: unknown;
    for (const [index, search] of searches.entries()) {
      const cursor = previous[search] ?? null;
      // Each search gets an even share of what is left, so a busy first search cannot starve the rest.
      const budget = Math.ceil((request.maxReads - reads) / (searches.length - index));
      if (stoppedBy !== undefined || budget <= 0) {
        if (cursor !== null) next[search] = cursor;
        truncated = true;
        continue;
      }
      let drained: DrainResult<KeyedPost>;
      try {
        drained = await drainNewestFirst<KeyedPost>(cursor, {
          fetchPage: async (page, highWater) => {
            const response = await this.searchPage(search, page, highWater, request.signal);
            rateLimit = response.rateLimit ?? rateLimit;
            return searchPage(response.body);
          },
          keyOf: (post) => post.key,
          compare: compareKeys,
          maxReads: budget,
        });
      } catch (error) {
        // Nothing read yet: the caller sees the error (a rate limit says when to come back).
        if (posts.size === 0 && reads === 0) throw error;
        if (error instanceof SourceHttpError) rateLimit = error.rateLimit ?? rateLimit;
        if (cursor !== null) next[search] = cursor;
        stoppedBy = error;
        truncated = true;
        continue;
      }
      if (drained.stoppedBy !== undefined) {
        if (drained.stoppedBy instanceof SourceHttpError) rateLimit = drained.stoppedBy.rateLimit ?? rateLimit;
        stoppedBy = drained.stoppedBy;
      }
      next[search] = drained.cursor;
      reads += drained.reads;
      truncated ||= drained.truncated;
      for (const post of drained.items) {
        const uri = asString(asRecord(post.view)?.['uri']);
        posts.set(uri ?? `unkeyed:${posts.size}`, post.view);
      }
    }
    return {
      batch: normalizeBluesky(JSON.stringify({ posts: [...posts.values()] }), this.options.source ?? 'bluesky'),
      cursor: { searches: next },
      reads,
      ...(rateLimit !== undefined && { rateLimit }),
      truncated,
      ...(stoppedBy !== undefined && { stoppedBy }),
    };
  }

  private searchPage(
    search: string,
    page: string | undefined,
    highWater: string | undefined,
    signal: AbortSignal,
  ): Promise<PlatformResponse<unknown>> {
    const params = new URLSearchParams({ q: search, sort: 'latest', limit: String(PAGE_SIZE) });
    // `since` (inclusive, on sortAt) ends the results at the high-water mark: no page past it is fetched.
    const since = highWater?.split(' ')[0];
    if (since !== undefined && since !== '') params.set('since', since);
    if (page !== undefined) params.set('cursor', page);
    const nsid = 'app.bsky.feed.searchPosts';
    if (this.options.session !== undefined) return this.options.session.call(nsid, { params, signal });
    return requestPlatform(xrpcUrl(this.appViewUrl, nsid, params), { signal, rateLimitOf: blueskyRateLimit });
  }
}

function searchPage(body: unknown): SearchPage<KeyedPost> {
  const response = asRecord(body);
  if (!Array.isArray(response?.['posts'])) {
    throw new UnreadableResponseError('Bluesky searchPosts answered without a "posts" list');
  }
  const views = asArray(response['posts']);
  const cursor = asString(response['cursor']);
  return { items: withStandInKeys(views), ...(cursor !== undefined && cursor !== '' && { next: cursor }) };
}

/**
 * A post without a readable key (malformed) takes its neighbour's, so it stays where the search
 * put it and reaches the normalizer, which rejects it with its reason, without moving the mark.
 */
function withStandInKeys(views: unknown[]): KeyedPost[] {
  const keys = views.map(blueskyPostKey);
  return views.map((view, index) => {
    const before = keys.slice(0, index).findLast((key) => key !== undefined);
    const after = keys.slice(index + 1).find((key) => key !== undefined);
    // With no neighbour at all, the oldest possible key: the drain stops rather than guess.
    return { view, key: keys[index] ?? before ?? after ?? '' };
  });
}
