import {
  UnreadableResponseError,
  asArray,
  asCount,
  asRecord,
  asString,
  normalizeJsonResponse,
} from './normalized-batch';
import type { NormalizedBatch } from './normalized-batch';
import { decodeXEntities } from './html-text';

interface XUser {
  username?: string;
  name?: string;
  verified?: boolean;
  public_metrics?: { followers_count?: number };
}

/**
 * X API v2: a recent-search response (`data` is a list) or filtered-stream lines (`data` is one
 * post), with authors in `includes.users`. Reposts and quotes point at their original.
 */
export function normalizeTwitter(body: string, source = 'twitter'): NormalizedBatch {
  // Authors are collected from every value before any post is mapped.
  const users = new Map<string, XUser>();
  const postsOf = (value: unknown): unknown[] => {
    const response = asRecord(value);
    if (response === undefined || !('data' in response || 'meta' in response)) {
      throw new UnreadableResponseError('not an X API v2 response: expected an object with "data"');
    }
    for (const user of asArray(asRecord(response['includes'])?.['users'])) {
      const id = asString(asRecord(user)?.['id']);
      if (id !== undefined) users.set(id, user as XUser);
    }
    const data = response['data'];
    return Array.isArray(data) ? asArray(data) : data === undefined ? [] : [data];
  };
  return normalizeJsonResponse(body, postsOf, (post) => {
    const id = asString(post['id']);
    const author = users.get(asString(post['author_id']) ?? '');
    const handle = author?.username ?? asString(post['author_id']);
    const references = asArray(post['referenced_tweets']).map((reference) => asRecord(reference) ?? {});
    const referenced = (type: string) => asString(references.find((reference) => reference['type'] === type)?.['id']);
    const metrics = asRecord(post['public_metrics']) ?? {};
    return {
      platform: 'twitter',
      externalId: id,
      source,
      url: `https://x.com/${handle ?? 'i'}/status/${id}`,
      text: typeof post['text'] === 'string' ? decodeXEntities(post['text']) : post['text'],
      createdAt: post['created_at'],
      author: {
        handle,
        ...(author?.name !== undefined && { name: author.name }),
        ...(asCount(author?.public_metrics?.followers_count) !== undefined && {
          followers: author!.public_metrics!.followers_count,
        }),
        ...(typeof author?.verified === 'boolean' && { verified: author.verified }),
      },
      ...(asString(post['lang']) !== undefined && post['lang'] !== 'und' && { lang: post['lang'] }),
      ...(referenced('replied_to') !== undefined && { replyToId: referenced('replied_to') }),
      ...((referenced('retweeted') ?? referenced('quoted')) !== undefined && {
        repostOfId: referenced('retweeted') ?? referenced('quoted'),
      }),
      metrics: {
        likes: asCount(metrics['like_count']),
        reposts: asCount(metrics['retweet_count']),
        replies: asCount(metrics['reply_count']),
        quotes: asCount(metrics['quote_count']),
      },
      raw: post,
    };
  });
}
