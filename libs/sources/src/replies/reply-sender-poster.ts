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
 * A connector's reply sender (Bluesky's createRecord, Reddit's /api/comment) as a ReplyPoster.
 * Neither platform takes an idempotency key, so neither poster is idempotent: a request whose
 * answer was lost may have posted, and the caller does not retry it on its own.
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
