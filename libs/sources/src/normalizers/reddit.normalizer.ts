import {
  UnreadableResponseError,
  asArray,
  asCount,
  asRecord,
  asString,
  describeValue,
  normalizeJsonResponse,
} from './normalized-batch';
import type { NormalizedBatch } from './normalized-batch';
import { htmlToText } from './html-text';

const REDDIT = 'https://www.reddit.com';

/** Reddit: a search listing (`{"kind":"Listing","data":{"children":[...]}}`) of posts (t3) or comments (t1). */
export function normalizeReddit(body: string, source = 'reddit'): NormalizedBatch {
  return normalizeJsonResponse(body, thingsOf, (thing) => {
    const data = asRecord(thing['data']) ?? {};
    const kind = thing['kind'];
    if (kind !== 't3' && kind !== 't1') throw new Error(`not a post or comment (kind ${describeValue(kind)})`);
    // Titles and bodies come HTML-escaped (&amp;): decode them to plain text.
    const text =
      kind === 't3'
        ? [asString(data['title']), asString(data['selftext'])].filter(Boolean).join('\n\n')
        : (asString(data['body']) ?? '');
    return {
      platform: 'reddit',
      externalId: asString(data['name']),
      source,
      url: permalinkUrl(asString(data['permalink'])),
      text: htmlToText(text.replaceAll('\n', '<br>')),
      createdAt: timeOf(data['created_utc']),
      author: { handle: asString(data['author']) },
      ...(kind === 't1' && asString(data['parent_id']) !== undefined && { replyToId: asString(data['parent_id']) }),
      ...(asString(data['crosspost_parent']) !== undefined && { repostOfId: asString(data['crosspost_parent']) }),
      metrics: { likes: asCount(data['score']), replies: asCount(data['num_comments']) },
      raw: thing,
    };
  });
}

function thingsOf(value: unknown): unknown[] {
  const listing = asRecord(value);
  const children = asRecord(listing?.['data'])?.['children'];
  if (listing?.['kind'] !== 'Listing' || !Array.isArray(children)) {
    throw new UnreadableResponseError('not a Reddit listing: expected {"kind":"Listing","data":{"children":[...]}}');
  }
  return asArray(children);
}

/** Reddit's permalinks are paths on reddit.com: one that leads elsewhere is not taken as the post's link. */
function permalinkUrl(permalink: string | undefined): string | undefined {
  if (permalink === undefined || !permalink.startsWith('/') || !URL.canParse(permalink, REDDIT)) return undefined;
  // "//host/..." and "/\\host/..." are protocol-relative: they would lead off reddit.com.
  const url = new URL(permalink, REDDIT);
  return url.origin === REDDIT ? url.toString() : undefined;
}

/** `created_utc` is epoch seconds; a value no Date can hold is left for validation to refuse. */
function timeOf(createdUtc: unknown): unknown {
  if (typeof createdUtc !== 'number') return createdUtc;
  const date = new Date(createdUtc * 1000);
  return Number.isNaN(date.getTime()) ? `${createdUtc} seconds` : date.toISOString();
}
