import {
  UnreadableResponseError,
  asArray,
  asCount,
  asRecord,
  asString,
  normalizeJsonResponse,
  refuseDeepNesting,
} from './normalized-batch';
import type { NormalizedBatch } from './normalized-batch';
import { htmlToText } from './html-text';

/**
 * Mastodon: a list of statuses (timelines, `min_id` polling), a search result (`statuses`), or
 * streaming events (`{"event":"update","payload":"<status JSON>"}` lines). Content is HTML.
 */
export function normalizeMastodon(body: string, source = 'mastodon'): NormalizedBatch {
  return normalizeJsonResponse(body, statusesOf, (status) => {
    const account = asRecord(status['account']) ?? {};
    const reblog = asRecord(status['reblog']);
    const content = asString(status['content']) ?? '';
    return {
      platform: 'mastodon',
      externalId: asString(status['id']),
      source,
      url: asString(status['url']) ?? asString(status['uri']),
      text: htmlToText(content === '' && reblog !== undefined ? (asString(reblog['content']) ?? '') : content),
      createdAt: status['created_at'],
      author: {
        handle: asString(account['acct']),
        ...(asString(account['display_name']) && { name: asString(account['display_name']) }),
        ...(asCount(account['followers_count']) !== undefined && { followers: asCount(account['followers_count']) }),
      },
      ...(asString(status['language']) !== undefined && { lang: asString(status['language']) }),
      ...(asString(status['in_reply_to_id']) !== undefined && { replyToId: asString(status['in_reply_to_id']) }),
      ...(reblog !== undefined && { repostOfId: asString(reblog['id']) }),
      metrics: {
        likes: asCount(status['favourites_count']),
        reposts: asCount(status['reblogs_count']),
        replies: asCount(status['replies_count']),
      },
      raw: status,
    };
  });
}

function statusesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return asArray(value);
  const record = asRecord(value);
  if (record === undefined) throw new UnreadableResponseError('not a Mastodon response: expected statuses');
  if (Array.isArray(record['statuses'])) return asArray(record['statuses']);
  if (record['event'] === 'update' || record['event'] === 'status.update') return [parsePayload(record['payload'])];
  // Other streaming events (delete, notification, ...) carry no new status.
  if ('event' in record) return [];
  if ('id' in record && 'account' in record) return [record];
  throw new UnreadableResponseError('not a Mastodon response: expected statuses');
}

function parsePayload(payload: unknown): unknown {
  if (typeof payload !== 'string') return payload;
  let status: unknown;
  try {
    status = JSON.parse(payload) as unknown;
  } catch {
    return payload;
  }
  refuseDeepNesting(status);
  return status;
}
