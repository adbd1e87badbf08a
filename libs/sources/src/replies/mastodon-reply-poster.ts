import { callMastodon, mastodonOrigin, mastodonUrl } from '../connectors/mastodon/mastodon-api';
import { asRecord, asString } from '../normalizers/normalized-batch';
import { callWithinDeadline, refuseUnsendable } from './reply-call';
import type { ReplyCallContext } from './reply-errors';
import type { ReplyOutcome, ReplyPoster, ReplyRequest } from './reply-poster';

export interface MastodonReplyPosterOptions {
  /** The instance the mention was read from: status ids are local to an instance. */
  instanceUrl: string;
  /** A token of the brand's account with the write:statuses scope. */
  accessToken: string;
  timeoutMs: number;
}

/**
 * Answers a status as the brand's account: POST /api/v1/statuses with `in_reply_to_id`.
 *
 * Idempotent: Mastodon keeps an Idempotency-Key for up to an hour and answers a repeated request
 * carrying it with the status it already made instead of posting again
 * (https://docs.joinmastodon.org/methods/statuses/#create). A retry after a lost answer is safe
 * within that hour; past it, the same key posts a second reply.
 */
export class MastodonReplyPoster implements ReplyPoster {
  readonly platform = 'mastodon';
  readonly idempotent = true;
  private readonly origin: URL;
  private readonly context: ReplyCallContext;

  constructor(private readonly options: MastodonReplyPosterOptions) {
    this.origin = mastodonOrigin(options.instanceUrl);
    this.context = { platform: this.platform, idempotent: this.idempotent, timeoutMs: options.timeoutMs };
  }

  async post(request: ReplyRequest): Promise<ReplyOutcome> {
    refuseUnsendable(this.platform, request);
    const status = addressed(request.inReplyTo.authorHandle, request.text);
    return await callWithinDeadline(this.context, async (signal) => {
      const response = await callMastodon<unknown>(mastodonUrl(this.origin, '/api/v1/statuses'), {
        method: 'POST',
        accessToken: this.options.accessToken,
        headers: { 'Idempotency-Key': request.idempotencyKey },
        body: { status, in_reply_to_id: request.inReplyTo.externalId, visibility: 'public' },
        scope: 'write:statuses',
        signal,
      });
      const created = asRecord(response.body);
      const id = asString(created?.['id']);
      if (id === undefined) {
        throw new Error(
          `${this.origin.host} took the reply but did not answer with a status: sending it again with the same idempotency key returns it`,
        );
      }
      return { externalId: id, url: asString(created?.['url']) ?? null };
    });
  }
}

/**
 * Mastodon notifies only the accounts a status mentions, and a reply does not mention its parent's
 * author by itself: the text gets the author's handle in front unless it already mentions them.
 * A remote author is mentioned in full (@dana@mastodon.social): "@dana" would be a local account.
 */
export function addressed(authorHandle: string, text: string): string {
  const handle = `@${authorHandle.replace(/^@/, '')}`;
  const trimmed = text.trim();
  const escaped = handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Not inside a longer handle or address: "@dana" is not mentioned by "@danabrown" or "@dana@other.social".
  const mentioned = new RegExp(`(^|[^\\w@])${escaped}(?![\\w@]|[.-]\\w)`, 'i');
  return mentioned.test(trimmed) ? trimmed : `${handle} ${trimmed}`;
}
