import { REDDIT_SEARCH, toPlatformQuery } from '@watchfloor/listening';
import { UnreadableResponseError, asArray, asRecord, asString } from '../../normalizers/normalized-batch';
import { normalizeReddit } from '../../normalizers/reddit.normalizer';
import type { PollRequest, PollResult, Poller, RateLimitStatus } from '../connector';
import { compareNumericIds, drainNewestFirst } from '../newest-first-pager';
import type { NewestFirstCursor, SearchPage } from '../newest-first-pager';
import { SourceHttpError } from '../source-http-error';
import type { RedditAuth } from './reddit-auth';

export interface RedditSearchOptions {
  auth: RedditAuth;
  /** Searches this subreddit only (restrict_sr) instead of all of Reddit. */
  subreddit?: string;
  /** The `source` written on each mention; defaults to "reddit". */
  source?: string;
}

export interface RedditSearchPollResult extends PollResult<NewestFirstCursor> {
  /** A later page failed (a 429, an outage): what came before it is returned, the cursor resumes there. */
  stoppedBy?: unknown;
}

/** A listing child with the key it is ordered by. */
interface KeyedThing {
  thing: unknown;
  key: string;
}

/** Reddit's largest page. */
const PAGE_SIZE = 100;
const FULLNAME = /^t3_[0-9a-z]+$/;

/**
 * Reddit fullnames ("t3_" + a base36 id) grow with each new post: a longer id is newer, and ids of
 * one length compare as strings because base36 digits sort in ASCII order (0-9 before a-z).
 */
export function compareRedditFullnames(a: string, b: string): number {
  return compareNumericIds(a.replace(/^t\d_/, ''), b.replace(/^t\d_/, ''));
}

/**
 * Polls Reddit search (sort=new) for one listening query, page by page with the listing's `after`
 * down to the newest post the previous poll took. Reads are billed per post returned.
 */
export class RedditSearchPoller implements Poller<NewestFirstCursor> {
  constructor(private readonly options: RedditSearchOptions) {}

  async poll(request: PollRequest<NewestFirstCursor>): Promise<RedditSearchPollResult> {
    if (request.query === null) throw new Error('Reddit search polls one listening query at a time: none was given');
    const search = toPlatformQuery(request.query.node, REDDIT_SEARCH).query;
    if (request.maxReads < 1) {
      // Every page is billed: with no budget left, nothing is asked.
      return { batch: { mentions: [], rejected: [] }, cursor: request.cursor ?? {}, reads: 0, truncated: true };
    }
    let rateLimit: RateLimitStatus | undefined;
    const drained = await drainNewestFirst<KeyedThing>(request.cursor, {
      fetchPage: async (page) => {
        const response = await this.options.auth.call<unknown>(this.searchPath(search, page), 'app', {
          signal: request.signal,
        });
        rateLimit = response.rateLimit ?? rateLimit;
        return listingPage(response.body);
      },
      keyOf: (item) => item.key,
      compare: compareRedditFullnames,
      maxReads: request.maxReads,
    });
    // A page that failed mid-way (a rate limit) leaves the cursor there: the next poll resumes it.
    if (drained.stoppedBy instanceof SourceHttpError) rateLimit = drained.stoppedBy.rateLimit ?? rateLimit;
    const listing = { kind: 'Listing', data: { children: drained.items.map((item) => item.thing) } };
    return {
      batch: normalizeReddit(JSON.stringify(listing), this.options.source ?? 'reddit'),
      cursor: drained.cursor,
      reads: drained.reads,
      ...(rateLimit !== undefined && { rateLimit }),
      truncated: drained.truncated,
      ...(drained.stoppedBy !== undefined && { stoppedBy: drained.stoppedBy }),
    };
  }

  private searchPath(search: string, page: string | undefined): string {
    const params = new URLSearchParams({ q: search, sort: 'new', type: 'link', limit: String(PAGE_SIZE) });
    // No raw_json=1: the normalizer decodes the HTML-escaped text Reddit sends by default, and raw
    // text would be read as markup there ("a<b and b>c" would lose its middle).
    if (page !== undefined) params.set('after', page);
    const subreddit = this.options.subreddit?.replace(/^\/?r\//, '');
    if (subreddit === undefined) return `/search?${params}`;
    params.set('restrict_sr', '1');
    return `/r/${encodeURIComponent(subreddit)}/search?${params}`;
  }
}

function listingPage(body: unknown): SearchPage<KeyedThing> {
  const listing = asRecord(body);
  const data = asRecord(listing?.['data']);
  if (listing?.['kind'] !== 'Listing' || !Array.isArray(data?.['children'])) {
    throw new UnreadableResponseError('Reddit search answered something other than a listing');
  }
  const things = asArray(data['children']);
  const after = asString(data['after']);
  return { items: withStandInKeys(things), ...(after !== undefined && after !== '' && { next: after }) };
}

/**
 * Keys each child by its fullname. A child without one (malformed) cannot be ordered by itself: it
 * takes the key of its neighbour on the page, so it stays where Reddit put it and reaches the
 * normalizer, which rejects it with its reason, without moving the high-water mark.
 */
function withStandInKeys(things: unknown[]): KeyedThing[] {
  const keys = things.map((thing) => {
    const name = asString(asRecord(asRecord(thing)?.['data'])?.['name']);
    return name !== undefined && FULLNAME.test(name) ? name : undefined;
  });
  return things.map((thing, index) => {
    const before = keys.slice(0, index).findLast((key) => key !== undefined);
    const after = keys.slice(index + 1).find((key) => key !== undefined);
    // With no neighbour at all, the oldest possible key: the drain stops rather than guess.
    return { thing, key: keys[index] ?? before ?? after ?? 't3_' };
  });
}
