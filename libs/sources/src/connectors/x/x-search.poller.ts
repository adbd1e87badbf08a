import type { TwitterApi } from 'twitter-api-v2';
import { X_SEARCH, toPlatformQuery } from '@watchfloor/listening';
import { normalizeTwitter } from '../../normalizers/twitter.normalizer';
import type { PollRequest, PollResult, Poller, RateLimitStatus } from '../connector';
import { compareNumericIds, drainNewestFirst } from '../newest-first-pager';
import type { NewestFirstCursor, SearchPage } from '../newest-first-pager';
import { SourceHttpError } from '../source-http-error';
import { X_POST_FIELDS, X_REQUEST_TIMEOUT_MS, toSourceError, xRateLimitOf } from './x-client';

export interface XSearchPollerOptions {
  /** An app-only client (createXAppClient). */
  client: TwitterApi;
  /** The source name put on every mention. */
  source?: string;
}

export interface XSearchPollResult extends PollResult<NewestFirstCursor> {
  /** A later page failed (a 429, an outage): what came before it is returned, the cursor resumes there. */
  stoppedBy?: unknown;
}

/** X's bounds for `max_results` on recent search. */
const MIN_PAGE = 10;
const MAX_PAGE = 100;
const ENDPOINT = 'GET /2/tweets/search/recent';

type XPost = Record<string, unknown>;

interface XSearchBody {
  data?: XPost[];
  includes?: { users?: XPost[] };
  meta?: { next_token?: string };
}

/**
 * X recent search (GET /2/tweets/search/recent) for one query: pages newest first with
 * `next_token` down to the previous poll's newest post (`since_id`), within the read budget.
 */
export class XSearchPoller implements Poller<NewestFirstCursor> {
  private readonly client: TwitterApi;
  private readonly source: string;

  constructor(options: XSearchPollerOptions) {
    this.client = options.client;
    this.source = options.source ?? 'twitter';
  }

  async poll(request: PollRequest<NewestFirstCursor>): Promise<XSearchPollResult> {
    if (request.query === null) throw new Error('X recent search polls one saved query at a time: pass its query');
    const query = toPlatformQuery(request.query.node, X_SEARCH).query;
    if (request.maxReads < 1) {
      // Any call would bill at least MIN_PAGE reads: with no budget left, nothing is asked.
      return { batch: { mentions: [], rejected: [] }, cursor: request.cursor ?? {}, reads: 0, truncated: true };
    }
    const authors = new Map<string, XPost>();
    // Posts without a numeric id cannot be ordered against the high-water mark; they still go to
    // the normalizer, which rejects them with a reason.
    const unkeyed: XPost[] = [];
    let rateLimit: RateLimitStatus | undefined;
    let reads = 0;

    const fetchPage = async (page: string | undefined, highWater: string | undefined): Promise<SearchPage<XPost>> => {
      request.signal.throwIfAborted();
      // X bills every post returned, so a page never asks for more than the budget has left,
      // except that X will not return fewer than MIN_PAGE.
      const maxResults = Math.min(MAX_PAGE, Math.max(MIN_PAGE, request.maxReads - reads));
      let body: XSearchBody;
      try {
        const response = await this.client.v2.get<XSearchBody>(
          'tweets/search/recent',
          {
            query,
            max_results: maxResults,
            ...X_POST_FIELDS,
            ...(highWater !== undefined && { since_id: highWater }),
            ...(page !== undefined && { next_token: page }),
          },
          { fullResponse: true, timeout: X_REQUEST_TIMEOUT_MS },
        );
        rateLimit = xRateLimitOf(response.headers);
        body = response.data;
      } catch (error) {
        const mapped = toSourceError(error, ENDPOINT);
        if (mapped instanceof SourceHttpError && mapped.rateLimit !== undefined) rateLimit = mapped.rateLimit;
        throw mapped;
      }
      for (const user of body.includes?.users ?? []) {
        if (typeof user['id'] === 'string') authors.set(user['id'], user);
      }
      const posts = Array.isArray(body.data) ? body.data : [];
      const keyed = posts.filter((post) => typeof post['id'] === 'string' && /^\d+$/.test(post['id']));
      unkeyed.push(...posts.filter((post) => !keyed.includes(post)));
      reads += posts.length;
      return { items: keyed, ...(body.meta?.next_token !== undefined && { next: body.meta.next_token }) };
    };

    const drained = await drainNewestFirst(request.cursor, {
      fetchPage,
      keyOf: (post) => post['id'] as string,
      compare: compareNumericIds,
      maxReads: request.maxReads,
    });
    const posts = [...drained.items, ...unkeyed];
    // One body in X's own shape, so the one X normalizer reads it.
    const batch =
      posts.length === 0
        ? { mentions: [], rejected: [] }
        : normalizeTwitter(JSON.stringify({ data: posts, includes: { users: [...authors.values()] } }), this.source);
    return {
      batch,
      cursor: drained.cursor,
      // Every post returned is billed: those at or below the high-water mark and the unkeyed too.
      reads,
      ...(rateLimit !== undefined && { rateLimit }),
      truncated: drained.truncated,
      ...(drained.stoppedBy !== undefined && { stoppedBy: drained.stoppedBy }),
    };
  }
}
