import type { Platform } from '@watchfloor/domain';
import type { ReplySender } from '../connectors/connector';
import { callWithinDeadline, refuseUnsendable } from './reply-call';
import type { TextLimit } from './reply-call';
import type { ReplyCallContext } from './reply-errors';
import type { ReplyOutcome, ReplyPoster, ReplyRequest } from './reply-poster';

export interface ReplySenderPosterOptions {
  timeoutMs: number;
  /** Checked before sending, so an overlong reply is refused as such rather than retried. */
  textLimit?: TextLimit;
}

/**
 * A connector's reply sender (X's POST /2/tweets, Bluesky's createRecord, Reddit's /api/comment)
 * as a ReplyPoster. None of these platforms takes an idempotency key, so none of these posters is
 * idempotent: a request whose answer was lost may have posted, and sending it again may post
 * twice. (X refuses a text identical to a recent post of the same account, 403 "duplicate
 * content", which catches some doubles but is no guarantee.) The caller marks the reply as sending
 * before the call and does not retry on its own when the outcome is unknown (a timeout, a cut
 * connection): a person looks at the thread first.
 */
export class ReplySenderPoster implements ReplyPoster {
  readonly idempotent = false;
  private readonly context: ReplyCallContext;

  constructor(
    readonly platform: Platform,
    private readonly sender: ReplySender,
    private readonly options: ReplySenderPosterOptions,
  ) {
    this.context = { platform, idempotent: this.idempotent, timeoutMs: options.timeoutMs };
  }

  async post(request: ReplyRequest): Promise<ReplyOutcome> {
    refuseUnsendable(this.platform, request, this.options.textLimit);
    return await callWithinDeadline(this.context, (signal) =>
      this.sender.reply(request.inReplyTo, request.text, signal),
    );
  }
}
