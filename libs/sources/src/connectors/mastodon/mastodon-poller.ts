import { MASTODON_SEARCH, requiredHashtags, toPlatformSearches } from '@watchfloor/listening';
import { normalizeMastodon } from '../../normalizers/mastodon.normalizer';
import { UnreadableResponseError, asArray, asRecord, asString } from '../../normalizers/normalized-batch';
import type { ConnectorQuery, PollRequest, PollResult, Poller, RateLimitStatus } from '../connector';
import type { NewestFirstCursor } from '../newest-first-pager';
import { SourceHttpError } from '../source-http-error';
import { MASTODON_PAGE_SIZE, callMastodon, mastodonOrigin, mastodonUrl, requireToken } from './mastodon-api';
import type { MastodonAccount } from './mastodon-api';
import { readSearch } from './mastodon-search';
import { drainFromMinId } from './min-id-pager';

/**
 * - `hashtag`: per query, the tag timelines of the hashtags every match carries.
 * - `search`: per query, full-text search (one search per alternative: Mastodon has no OR).
 * - `notifications`: per source, posts that mention the brand's account.
 * - `public`: per source, the instance's public (federated or local) timeline.
 */
export type MastodonPollMode = 'hashtag' | 'search' | 'notifications' | 'public';

export interface MastodonPollerOptions extends MastodonAccount {
  /** The `source` given to each mention (the configured source's name). */
  source: string;
  mode: MastodonPollMode;
  /** `public` mode: this instance's own posts only (`local=true`). */
  localOnly?: boolean;
}

/** Where a Mastodon poll stopped. Plain JSON, stored as is. */
export interface MastodonCursor {
  /** `notifications` and `public`: the newest id taken (a notification id for notifications). */
  minId?: string;
  /** `hashtag`: the newest status id taken per tag timeline, keyed by its tags ("#a #b"). */
  minIdByTimeline?: Record<string, string>;
  /** `search`: where each search the query became stands, keyed by the search text. */
  bySearch?: Record<string, NewestFirstCursor>;
}

/**
 * Mastodon's tag timeline takes at most 4 tags per mode (TagFeed::LIMIT_PER_MODE, mastodon#15194)
 * and ignores the rest, so larger sets are read as several timelines.
 */
const MAX_TAGS_PER_TIMELINE = 4;

/** A timeline read forward with `min_id`. */
interface Timeline {
  path: string;
  params: [string, string][];
  scope: string;
  /** The status an item carries (a notification carries one; a timeline item is one). */
  statusOf(item: unknown): unknown;
}

/** What reading one timeline or search gave, with where it now stands. */
interface FeedRead<P> {
  statuses: unknown[];
  reads: number;
  truncated: boolean;
  rateLimit?: RateLimitStatus;
  position: P | undefined;
}

/**
 * Polls a Mastodon instance so each poll takes exactly what is new: timelines and notifications
 * forward with `min_id`, searches newest first down to the last status taken.
 */
export class MastodonPoller implements Poller<MastodonCursor> {
  private readonly origin: URL;

  constructor(private readonly options: MastodonPollerOptions) {
    this.origin = mastodonOrigin(options.instanceUrl);
    if (options.mode === 'search') requireToken(options, 'Mastodon search', 'read:search');
    if (options.mode === 'notifications') {
      requireToken(options, "Reading the brand account's Mastodon mentions", 'read:notifications');
    }
  }

  async poll(request: PollRequest<MastodonCursor>): Promise<PollResult<MastodonCursor>> {
    const { mode } = this.options;
    const { cursor, maxReads, signal } = request;
    if (mode === 'notifications' || mode === 'public') {
      const timeline = mode === 'notifications' ? this.notifications() : this.publicTimeline();
      const read = await this.readTimeline(timeline, cursor?.minId, maxReads, signal);
      return this.result(read, read.position === undefined ? {} : { minId: read.position });
    }
    const query = this.queryOf(request);
    if (mode === 'hashtag') {
      const timelines = this.tagTimelines(query);
      const read = await readInTurn(timelines, cursor?.minIdByTimeline ?? {}, maxReads, (timeline, minId, budget) =>
        this.readTimeline(timeline, minId, budget, signal),
      );
      return this.result(read, { minIdByTimeline: read.position ?? {} });
    }
    const searches = toPlatformSearches(query.node, MASTODON_SEARCH).map((search) => ({ key: search.query }));
    const read = await readInTurn(searches, cursor?.bySearch ?? {}, maxReads, async ({ key }, position, budget) => {
      const found = await readSearch((params) => this.search(key, params, signal), position, budget);
      return { ...found, position: found.cursor };
    });
    return this.result(read, { bySearch: read.position ?? {} });
  }

  private result(read: FeedRead<unknown>, cursor: MastodonCursor): PollResult<MastodonCursor> {
    const batch = normalizeMastodon(JSON.stringify(read.statuses), this.options.source);
    return {
      batch: { ...batch, mentions: uniqueById(batch.mentions) },
      cursor,
      reads: read.reads,
      truncated: read.truncated,
      ...(read.rateLimit !== undefined && { rateLimit: read.rateLimit }),
    };
  }

  private async readTimeline(
    timeline: Timeline,
    minId: string | undefined,
    maxReads: number,
    signal: AbortSignal,
  ): Promise<FeedRead<string>> {
    const drained = await drainFromMinId(minId, {
      pageSize: MASTODON_PAGE_SIZE,
      maxReads,
      idOf: (item) => asString(asRecord(item)?.['id']),
      fetchPage: async (pageMinId, limit) => {
        const params: [string, string][] = [...timeline.params, ['limit', String(limit)]];
        if (pageMinId !== undefined) params.push(['min_id', pageMinId]);
        const response = await callMastodon(mastodonUrl(this.origin, timeline.path, params), {
          accessToken: this.options.accessToken,
          scope: timeline.scope,
          signal,
        });
        if (!Array.isArray(response.body))
          throw new UnreadableResponseError('not a Mastodon timeline: expected a list');
        return { items: asArray(response.body), ...(response.rateLimit && { rateLimit: response.rateLimit }) };
      },
    });
    return {
      statuses: drained.items.map((item) => timeline.statusOf(item)),
      reads: drained.reads,
      truncated: drained.truncated,
      ...(drained.rateLimit !== undefined && { rateLimit: drained.rateLimit }),
      position: drained.newestId,
    };
  }

  private search(text: string, params: [string, string][], signal: AbortSignal) {
    const query: [string, string][] = [
      ['q', text],
      ['type', 'statuses'],
      // Resolving would make the instance fetch remote posts on our behalf: slow, and not a search.
      ['resolve', 'false'],
      ...params,
    ];
    return callMastodon(mastodonUrl(this.origin, '/api/v2/search', query), {
      accessToken: this.options.accessToken,
      scope: 'read:search',
      signal,
    });
  }

  private queryOf(request: PollRequest<MastodonCursor>): ConnectorQuery {
    if (request.query === null) {
      throw new Error(`Mastodon ${this.options.mode} polling is per query: this poll was given none`);
    }
    return request.query;
  }

  private tagTimelines(query: ConnectorQuery): (Timeline & { key: string })[] {
    const tags = requiredHashtags(query.node);
    if (tags === null) {
      throw new Error(
        `The query "${query.text}" has no hashtag every match carries; use search or the public timeline for it`,
      );
    }
    const sorted = [...new Set(tags.map((tag) => tag.toLowerCase()))].sort();
    const timelines: (Timeline & { key: string })[] = [];
    for (let start = 0; start < sorted.length; start += MAX_TAGS_PER_TIMELINE) {
      const [first, ...others] = sorted.slice(start, start + MAX_TAGS_PER_TIMELINE) as [string, ...string[]];
      timelines.push({
        key: [first, ...others].map((tag) => `#${tag}`).join(' '),
        path: `/api/v1/timelines/tag/${encodeURIComponent(first)}`,
        params: others.map((tag): [string, string] => ['any[]', tag]),
        scope: 'read:statuses',
        statusOf: (item) => item,
      });
    }
    return timelines;
  }

  private notifications(): Timeline {
    return {
      path: '/api/v1/notifications',
      params: [['types[]', 'mention']],
      scope: 'read:notifications',
      // A mention without its status (deleted since) is left for the normalizer to reject with a reason.
      statusOf: (item) => asRecord(item)?.['status'] ?? null,
    };
  }

  private publicTimeline(): Timeline {
    return {
      path: '/api/v1/timelines/public',
      params: this.options.localOnly === true ? [['local', 'true']] : [],
      scope: 'read:statuses',
      statusOf: (item) => item,
    };
  }
}

/**
 * Reads feeds in turn on one budget. A feed left unread (budget spent, or rate limited after others
 * read) keeps its position; positions of feeds the query no longer has are dropped.
 */
async function readInTurn<F extends { key: string }, P>(
  feeds: F[],
  previous: Record<string, P>,
  maxReads: number,
  read: (feed: F, position: P | undefined, budget: number) => Promise<FeedRead<P>>,
): Promise<FeedRead<Record<string, P>>> {
  const positions: Record<string, P> = {};
  const statuses: unknown[] = [];
  let reads = 0;
  let truncated = false;
  let rateLimit: RateLimitStatus | undefined;
  for (const feed of feeds) {
    const position = previous[feed.key];
    const keep = () => {
      if (position !== undefined) positions[feed.key] = position;
    };
    if (truncated || reads >= maxReads) {
      truncated = true;
      keep();
      continue;
    }
    try {
      const result = await read(feed, position, maxReads - reads);
      statuses.push(...result.statuses);
      reads += result.reads;
      truncated ||= result.truncated;
      rateLimit = result.rateLimit ?? rateLimit;
      if (result.position !== undefined) positions[feed.key] = result.position;
      else keep();
    } catch (error) {
      // What earlier feeds read is kept: their positions are exact, and this one resumes where it was.
      if (reads === 0) throw error;
      truncated = true;
      if (error instanceof SourceHttpError) rateLimit = error.rateLimit ?? rateLimit;
      keep();
    }
  }
  return { statuses, reads, truncated, ...(rateLimit !== undefined && { rateLimit }), position: positions };
}

/** A post matching two of a query's searches is one mention. */
function uniqueById<T extends { externalId: string }>(mentions: T[]): T[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => !seen.has(mention.externalId) && seen.add(mention.externalId));
}
