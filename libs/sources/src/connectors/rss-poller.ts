import type { Poller, PollRequest, PollResult } from './connector';
import { normalizeRss } from '../normalizers/rss.normalizer';
import type { NormalizedBatch } from '../normalizers/normalized-batch';
import { SourceHttpError, retryAfterMs } from './source-http-error';
import { describeUrl, egressFetch, readBoundedText } from '../egress';

/** Where a feed was left: validators for conditional GET, and the newest items already taken. */
export interface FeedCursor {
  etag?: string;
  lastModified?: string;
  /** Feeds repeat their recent items on every fetch: these ids are not taken twice. */
  seenIds: string[];
}

export interface FeedPoll {
  notModified: boolean;
  batch: NormalizedBatch;
  cursor: FeedCursor;
}

/** Enough to cover any feed's window of recent items several times over. */
const REMEMBERED_IDS = 1_000;
const TIMEOUT_MS = 15_000;
const USER_AGENT = 'Watchfloor/0.1 (+https://github.com/watchfloor)';

/**
 * Fetches a feed once with conditional GET (If-None-Match / If-Modified-Since), and returns the
 * items not taken before with the cursor to store once they are safely enqueued. Errors from the
 * server come back as SourceHttpError, with when to retry if the server said.
 */
export async function pollFeed(url: string, cursor: FeedCursor | null, source = 'rss'): Promise<FeedPoll> {
  const previous: FeedCursor = cursor ?? { seenIds: [] };
  const headers: Record<string, string> = {
    'User-Agent': USER_AGENT,
    Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1',
  };
  if (previous.etag !== undefined) headers['If-None-Match'] = previous.etag;
  if (previous.lastModified !== undefined) headers['If-Modified-Since'] = previous.lastModified;
  const response = await egressFetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status === 304) return { notModified: true, batch: { mentions: [], rejected: [] }, cursor: previous };
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceHttpError(
      response.status,
      retryAfterMs(response.headers.get('retry-after')),
      `${describeUrl(url)} answered HTTP ${response.status}`,
    );
  }
  const body = await readBoundedText(response, url);

  const batch = normalizeRss(body, source, response.url || url);
  const seen = new Set(previous.seenIds);
  const fresh = batch.mentions.filter((mention) => !seen.has(mention.externalId));
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  return {
    notModified: false,
    batch: { mentions: fresh, rejected: batch.rejected },
    cursor: {
      ...(etag !== null && { etag }),
      ...(lastModified !== null && { lastModified }),
      seenIds: [...fresh.map((mention) => mention.externalId), ...previous.seenIds].slice(0, REMEMBERED_IDS),
    },
  };
}

/** A feed as a source: one conditional GET per poll, every new item read (feeds cost nothing per item). */
export class RssFeedPoller implements Poller<FeedCursor> {
  constructor(private readonly options: { feedUrl: string; source: string }) {}

  async poll(request: PollRequest<FeedCursor>): Promise<PollResult<FeedCursor>> {
    const result = await pollFeed(this.options.feedUrl, request.cursor, this.options.source);
    const reads = result.batch.mentions.length + result.batch.rejected.length;
    return { batch: result.batch, cursor: result.cursor, reads, truncated: false };
  }
}
