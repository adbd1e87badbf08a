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

// As received: any field may hold anything, so each is read through asString/asCount/asRecord.
interface XPlace {
  full_name?: unknown;
  geo?: unknown;
}

interface XUser {
  username?: unknown;
  name?: unknown;
  verified?: unknown;
  public_metrics?: unknown;
}

/**
 * X API v2: a recent-search response (`data` is a list) or filtered-stream lines (`data` is one
 * post), with authors in `includes.users`. Reposts and quotes point at their original.
 */
export function normalizeTwitter(body: string, source = 'twitter'): NormalizedBatch {
  // Authors are collected from every value before any post is mapped.
  const users = new Map<string, XUser>();
  const places = new Map<string, XPlace>();
  const postsOf = (value: unknown): unknown[] => {
    const response = asRecord(value);
    if (response === undefined || !('data' in response || 'meta' in response)) {
      throw new UnreadableResponseError('not an X API v2 response: expected an object with "data"');
    }
    for (const user of asArray(asRecord(response['includes'])?.['users'])) {
      const id = asString(asRecord(user)?.['id']);
      if (id !== undefined) users.set(id, user as XUser);
    }
    for (const place of asArray(asRecord(response['includes'])?.['places'])) {
      const id = asString(asRecord(place)?.['id']);
      if (id !== undefined) places.set(id, place as XPlace);
    }
    const data = response['data'];
    return Array.isArray(data) ? asArray(data) : data === undefined ? [] : [data];
  };
  return normalizeJsonResponse(body, postsOf, (post) => {
    const id = asString(post['id']);
    const author = users.get(asString(post['author_id']) ?? '');
    const handle = asString(author?.username) ?? asString(post['author_id']);
    const references = asArray(post['referenced_tweets']).map((reference) => asRecord(reference) ?? {});
    const referenced = (type: string) => asString(references.find((reference) => reference['type'] === type)?.['id']);
    const metrics = asRecord(post['public_metrics']) ?? {};
    const followers = asCount(asRecord(author?.public_metrics)?.['followers_count']);
    return {
      platform: 'twitter',
      externalId: id,
      source,
      url: `https://x.com/${handle ?? 'i'}/status/${id}`,
      text: typeof post['text'] === 'string' ? decodeXEntities(post['text']) : post['text'],
      createdAt: post['created_at'],
      author: {
        handle,
        ...(asString(author?.name) !== undefined && { name: asString(author?.name) }),
        ...(followers !== undefined && { followers }),
        ...(typeof author?.verified === 'boolean' && { verified: author.verified }),
      },
      ...(asString(post['lang']) !== undefined && post['lang'] !== 'und' && { lang: post['lang'] }),
      ...placeOf(asRecord(post['geo']), places),
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

/**
 * A post's exact point when its author shared one (GeoJSON order: longitude first), else the centre
 * of the place it was tagged with (bounding box west, south, east, north).
 */
function placeOf(geo: Record<string, unknown> | undefined, places: Map<string, XPlace>): { place?: unknown } {
  if (geo === undefined) return {};
  const tagged = places.get(asString(geo['place_id']) ?? '');
  const name = asString(tagged?.full_name);
  const point = asArray(asRecord(geo['coordinates'])?.['coordinates']);
  if (point.length === 2 && point.every((value) => typeof value === 'number')) {
    const [lon, lat] = point as [number, number];
    return { place: { lat, lon, ...(name !== undefined && { name }) } };
  }
  const bbox = asArray(asRecord(tagged?.geo)?.['bbox']);
  if (bbox.length === 4 && bbox.every((value) => typeof value === 'number')) {
    const [west, south, east, north] = bbox as [number, number, number, number];
    return { place: { lat: (south + north) / 2, lon: (west + east) / 2, ...(name !== undefined && { name }) } };
  }
  return {};
}
