import type { Platform } from '@watchfloor/domain';
import { SourceHttpError } from '../connectors/source-http-error';

/** How the platforms are named to a person reading an error. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  twitter: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  rss: 'RSS',
};

/**
 * A source cannot reply at all (an RSS feed), lacks the account credentials to, or was asked to
 * answer on another platform. Nothing was sent; retrying cannot help until the source changes.
 */
export class ReplyNotSupportedError extends Error {
  override readonly name = 'ReplyNotSupportedError';
}

/**
 * The platform refused the reply (422 validation, 403 not allowed, 404 post deleted, a revoked
 * token) or it was refused before sending (empty text). Nothing was posted, and sending the same
 * request again fails the same way: the caller does not retry it.
 */
export class ReplyRejectedError extends Error {
  override readonly name = 'ReplyRejectedError';

  constructor(
    readonly platform: Platform,
    /** The platform's HTTP status; null when refused before sending. */
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** The platform's rate limit is spent: nothing was posted, and the reply may go out at `retryAt`. */
export class ReplyRateLimitedError extends Error {
  override readonly name = 'ReplyRateLimitedError';

  constructor(
    readonly platform: Platform,
    readonly retryAt: Date,
    message: string,
  ) {
    super(message);
  }
}

/**
 * No answer in time: the platform may or may not have posted the reply. Retrying is safe only
 * where the poster is idempotent; elsewhere a person checks the thread first.
 */
export class ReplyTimedOutError extends Error {
  override readonly name = 'ReplyTimedOutError';

  constructor(
    readonly platform: Platform,
    readonly timeoutMs: number,
    idempotent: boolean,
  ) {
    const name = PLATFORM_NAMES[platform];
    super(
      `${name} did not answer within ${timeoutMs} ms: the reply may have been posted. ` +
        (idempotent
          ? 'Sending it again with the same idempotency key is safe.'
          : `${name} has no idempotency key: look at the thread before sending it again.`),
    );
  }
}

/** When a 429 came without a usable reset or Retry-After header. */
const RATE_LIMIT_FALLBACK_MS = 60_000;

/** What a person can do about a refusal, by status. */
function refusalHint(status: number): string {
  if (status === 400 || status === 422) {
    return 'edit the reply (too long, empty or not accepted as written) and send it again';
  }
  if (status === 401 || status === 403) {
    return "check the source's credentials (revoked, expired or without write access) and that the brand's account may answer this post";
  }
  if (status === 404) return "the post was deleted, or the brand's account can no longer see it";
  return 'sending the same reply again would fail the same way';
}

/** 408 and 425 ask the client to try again; 429 is a rate limit, not a refusal. */
function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
}

/** Who was asked, and on what terms: what an error means depends on it. */
export interface ReplyCallContext {
  platform: Platform;
  /** The platform drops a repeated request carrying the same key. */
  idempotent: boolean;
  timeoutMs: number;
}

/**
 * The connectors' errors in terms a reply job acts on: refusals become ReplyRejectedError, rate
 * limits ReplyRateLimitedError, a timed-out request ReplyTimedOutError. Everything else (5xx,
 * network errors) passes unchanged and may be retried.
 */
export function replyErrorFrom(error: unknown, context: ReplyCallContext, now = Date.now()): unknown {
  const { platform } = context;
  const name = PLATFORM_NAMES[platform];
  if (error instanceof SourceHttpError && error.status === 429) {
    // retryAfterMs is Retry-After, else the platform's rate-limit reset header (X-RateLimit-Reset).
    const retryAt = error.retryAfterMs !== undefined ? now + error.retryAfterMs : error.rateLimit?.resetAt;
    return new ReplyRateLimitedError(
      platform,
      new Date(retryAt ?? now + RATE_LIMIT_FALLBACK_MS),
      `${name} rate limit reached, nothing was posted: ${error.message}`,
    );
  }
  if (error instanceof SourceHttpError && isRefusal(error.status)) {
    return new ReplyRejectedError(
      platform,
      error.status,
      `${name} refused the reply (${error.message}): ${refusalHint(error.status)}`,
    );
  }
  // AbortSignal.timeout (the connectors' own limit) fails a fetch with a DOMException named TimeoutError.
  // (Not `instanceof Error`: DOMException comes from another realm under some runners.)
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError') {
    return new ReplyTimedOutError(platform, context.timeoutMs, context.idempotent);
  }
  return error;
}
