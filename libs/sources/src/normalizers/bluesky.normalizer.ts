import {
  UnreadableResponseError,
  asArray,
  asCount,
  asRecord,
  asString,
  normalizeJsonResponse,
} from './normalized-batch';
import type { NormalizedBatch } from './normalized-batch';

/**
 * Bluesky: an `app.bsky.feed.searchPosts` response (`posts`: post views with their authors) or
 * Jetstream lines (commits creating `app.bsky.feed.post` records; other events are skipped).
 * Jetstream carries only the author's DID, which then stands in for the handle.
 */
export function normalizeBluesky(body: string, source = 'bluesky'): NormalizedBatch {
  return normalizeJsonResponse(body, postsOf, (item) =>
    item['view'] !== undefined
      ? fromPostView(asRecord(item['view']) ?? {}, source)
      : fromJetstream(asRecord(item['jetstream']) ?? {}, source),
  );
}

function postsOf(value: unknown): unknown[] {
  const record = asRecord(value);
  if (record === undefined) throw new UnreadableResponseError('not a Bluesky response');
  if (Array.isArray(record['posts'])) return asArray(record['posts']).map((post) => ({ view: post }));
  if (!('kind' in record && 'did' in record)) {
    throw new UnreadableResponseError('not a Bluesky response: expected "posts" or Jetstream events');
  }
  // Of the firehose, only created posts: likes, follows, deletions and identity events are skipped.
  const commit = asRecord(record['commit']);
  const createsPost =
    record['kind'] === 'commit' && commit?.['operation'] === 'create' && commit['collection'] === 'app.bsky.feed.post';
  return createsPost ? [{ jetstream: record }] : [];
}

function fromPostView(view: Record<string, unknown>, source: string): unknown {
  const author = asRecord(view['author']) ?? {};
  const record = asRecord(view['record']) ?? {};
  const uri = asString(view['uri']);
  const handle = asString(author['handle']);
  return {
    platform: 'bluesky',
    externalId: uri,
    source,
    url: profilePostUrl(handle ?? asString(author['did']), rkeyOf(uri)),
    text: record['text'],
    createdAt: record['createdAt'] ?? view['indexedAt'],
    author: { handle, ...(asString(author['displayName']) && { name: asString(author['displayName']) }) },
    ...languageOf(record),
    ...replyOf(record),
    metrics: {
      likes: asCount(view['likeCount']),
      reposts: asCount(view['repostCount']),
      replies: asCount(view['replyCount']),
      quotes: asCount(view['quoteCount']),
    },
    raw: view,
  };
}

function fromJetstream(event: Record<string, unknown>, source: string): unknown {
  const commit = asRecord(event['commit']) ?? {};
  const record = asRecord(commit['record']) ?? {};
  const did = asString(event['did']);
  const rkey = asString(commit['rkey']);
  // Without both, the post has no identity: left undefined for validation to refuse.
  const identified = did !== undefined && rkey !== undefined;
  return {
    platform: 'bluesky',
    externalId: identified ? `at://${did}/app.bsky.feed.post/${rkey}` : undefined,
    source,
    url: identified ? `https://bsky.app/profile/${did}/post/${rkey}` : undefined,
    text: record['text'],
    createdAt: record['createdAt'],
    author: { handle: did },
    ...languageOf(record),
    ...replyOf(record),
    raw: event,
  };
}

function profilePostUrl(profile: string | undefined, rkey: string | undefined): string | undefined {
  return profile === undefined || rkey === undefined ? undefined : `https://bsky.app/profile/${profile}/post/${rkey}`;
}

function rkeyOf(uri: string | undefined): string | undefined {
  return uri?.split('/').pop();
}

function languageOf(record: Record<string, unknown>): { lang?: string } {
  const langs = record['langs'];
  return Array.isArray(langs) && typeof langs[0] === 'string' ? { lang: langs[0] } : {};
}

function replyOf(record: Record<string, unknown>): { replyToId?: string } {
  const parent = asString(asRecord(asRecord(record['reply'])?.['parent'])?.['uri']);
  return parent === undefined ? {} : { replyToId: parent };
}
