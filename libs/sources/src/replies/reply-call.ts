import type { Platform } from '@watchfloor/domain';
import {
  PLATFORM_NAMES,
  ReplyNotSupportedError,
  ReplyRejectedError,
  ReplyTimedOutError,
  replyErrorFrom,
} from './reply-errors';
import type { ReplyCallContext } from './reply-errors';
import type { ReplyRequest } from './reply-poster';

/** A platform's documented limit on a post's length, checked before sending. */
export interface TextLimit {
  max: number;
  unit: string;
  measure(text: string): number;
}

/**
 * Refuses, before anything is sent, a reply no platform would take: one meant for another
 * platform (the worker picked the wrong source), an empty one, or one over the platform's limit.
 */
export function refuseUnsendable(platform: Platform, request: ReplyRequest, limit?: TextLimit): void {
  const name = PLATFORM_NAMES[platform];
  if (request.inReplyTo.platform !== platform) {
    throw new ReplyNotSupportedError(
      `This source posts on ${name}, not on ${PLATFORM_NAMES[request.inReplyTo.platform]}: pick one for which canReply(source, '${request.inReplyTo.platform}') is true`,
    );
  }
  if (request.text.trim() === '') {
    throw new ReplyRejectedError(platform, null, `A reply on ${name} needs some text: write one and send it again`);
  }
  const length = limit?.measure(request.text) ?? 0;
  if (limit !== undefined && length > limit.max) {
    throw new ReplyRejectedError(
      platform,
      null,
      `A reply on ${name} takes at most ${limit.max} ${limit.unit}; this one has ${length}: shorten it and send it again`,
    );
  }
}

/**
 * Runs one reply call with a deadline, its errors translated for the reply job. The signal aborts
 * a fetch in flight; twitter-api-v2 cannot be cancelled, so the deadline also wins the race
 * against a call that ignores it (the request may still land: the error says so).
 */
export async function callWithinDeadline<T>(
  context: ReplyCallContext,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const timedOut = new ReplyTimedOutError(context.platform, context.timeoutMs, context.idempotent);
      controller.abort(timedOut);
      reject(timedOut);
    }, context.timeoutMs);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } catch (error) {
    throw replyErrorFrom(error, context);
  } finally {
    clearTimeout(timer);
  }
}
