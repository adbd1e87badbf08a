import { createHash } from 'node:crypto';
import { asRecord, asString } from '../../normalizers/normalized-batch';
import type { ReplySender, ReplyTarget, SentReply } from '../connector';
import { callMastodon, mastodonOrigin, mastodonUrl, requireToken } from './mastodon-api';
import type { MastodonAccount } from './mastodon-api';

export type MastodonReplyOptions = MastodonAccount;

/**
 * Answers a status as the brand's account. `in_reply_to_id` is an id on this instance, so replies
 * go out through the instance the status was read from.
 */
export class MastodonReplySender implements ReplySender {
  private readonly origin: URL;
  private readonly accessToken: string;

  constructor(options: MastodonReplyOptions) {
    this.origin = mastodonOrigin(options.instanceUrl);
    this.accessToken = requireToken(options, 'Replying on Mastodon', 'write:statuses');
  }

  /**
   * Posts the reply with an Idempotency-Key, so a retried job (a timeout after Mastodon took the
   * post) does not post it twice: Mastodon answers a repeated key with the status it already made.
   * Without a key, one is derived from the target and the text.
   */
  async reply(target: ReplyTarget, text: string, signal: AbortSignal, idempotencyKey?: string): Promise<SentReply> {
    const status = addressed(target.authorHandle, text);
    const response = await callMastodon<unknown>(mastodonUrl(this.origin, '/api/v1/statuses'), {
      method: 'POST',
      accessToken: this.accessToken,
      headers: { 'Idempotency-Key': idempotencyKey ?? replyKey(target, status) },
      body: { status, in_reply_to_id: target.externalId, visibility: 'public' },
      scope: 'write:statuses',
      signal,
    });
    const created = asRecord(response.body);
    const id = asString(created?.['id']);
    const url = asString(created?.['url']) ?? asString(created?.['uri']);
    if (id === undefined || url === undefined) {
      throw new Error(`${this.origin.host} accepted the reply but did not answer with a status (id and url)`);
    }
    return { externalId: id, url };
  }
}

/** Mastodon notifies only the accounts a status mentions: the reply starts with the author's handle. */
function addressed(authorHandle: string, text: string): string {
  const handle = `@${authorHandle.replace(/^@/, '')}`;
  const trimmed = text.trim();
  const first = trimmed.split(/\s/, 1)[0] ?? '';
  return first.toLowerCase() === handle.toLowerCase() ? trimmed : `${handle} ${trimmed}`;
}

function replyKey(target: ReplyTarget, status: string): string {
  return `watchfloor-${createHash('sha256').update(`${target.externalId}\n${status}`).digest('hex').slice(0, 40)}`;
}
