import {
  UnreadableResponseError,
  asArray,
  asCount,
  asRecord,
  asString,
  normalizeJsonResponse,
} from './normalized-batch';
import type { NormalizedBatch } from './normalized-batch';
import { htmlToText } from './html-text';

/** Reddit: a search listing (`{"kind":"Listing","data":{"children":[...]}}`) of posts (t3) or comments (t1). */
export function normalizeReddit(body: string, source = 'reddit'): NormalizedBatch {
  return normalizeJsonResponse(body, thingsOf, (thing) => {
    const data = asRecord(thing['data']) ?? {};
    const kind = thing['kind'];
    if (kind !== 't3' && kind !== 't1') throw new Error(`not a post or comment (kind ${String(kind)})`);
    const created =
      typeof data['created_utc'] === 'number' ? new Date(data['created_utc'] * 1000).toISOString() : undefined;
    // Titles and bodies come HTML-escaped (&amp;): decode them to plain text.
    const text =
      kind === 't3'
        ? [asString(data['title']), asString(data['selftext'])].filter(Boolean).join('\n\n')
        : (asString(data['body']) ?? '');
    const permalink = asString(data['permalink']);
    return {
      platform: 'reddit',
      externalId: asString(data['name']),
      source,
      url: permalink === undefined ? undefined : new URL(permalink, 'https://www.reddit.com').toString(),
      text: htmlToText(text.replaceAll('\n', '<br>')),
      createdAt: created,
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
