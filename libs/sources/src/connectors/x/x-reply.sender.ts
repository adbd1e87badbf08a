import type { TwitterApi } from 'twitter-api-v2';
import type { ReplySender, ReplyTarget, SentReply } from '../connector';
import { X_REQUEST_TIMEOUT_MS, toSourceError } from './x-client';

export interface XReplySenderOptions {
  /** A user-context client of the brand's account (createXUserClient): app-only tokens cannot post. */
  client: TwitterApi;
  /** The brand's handle, for the reply's URL; asked of X (GET /2/users/me) once when not given. */
  handle?: string;
}

interface PostedTweet {
  data: { id: string; text: string };
}

interface Me {
  data: { username: string };
}

/** Posts replies as the brand's account (POST /2/tweets with `reply.in_reply_to_tweet_id`). */
export class XReplySender implements ReplySender {
  private readonly client: TwitterApi;
  private handle: Promise<string> | undefined;

  constructor(options: XReplySenderOptions) {
    this.client = options.client;
    if (options.handle !== undefined) this.handle = Promise.resolve(options.handle.replace(/^@/, ''));
  }

  async reply(target: ReplyTarget, text: string, signal: AbortSignal): Promise<SentReply> {
    // twitter-api-v2 cannot cancel a request in flight: the signal is honoured before posting.
    signal.throwIfAborted();
    // The handle first: a failure after posting would invite a retry, and a second reply.
    const handle = await this.brandHandle();
    signal.throwIfAborted();
    const posted = await this.client.v2
      .post<PostedTweet>(
        'tweets',
        { text, reply: { in_reply_to_tweet_id: target.externalId } },
        { timeout: X_REQUEST_TIMEOUT_MS },
      )
      .catch((error: unknown) => Promise.reject(toSourceError(error, 'POST /2/tweets')));
    const id = posted.data.id;
    return { externalId: id, url: `https://x.com/${handle}/status/${id}` };
  }

  private brandHandle(): Promise<string> {
    this.handle ??= this.client.v2
      .get<Me>('users/me', {}, { timeout: X_REQUEST_TIMEOUT_MS })
      .then((me) => me.data.username)
      .catch((error: unknown) => {
        // Not cached: the next reply asks again.
        this.handle = undefined;
        return Promise.reject(toSourceError(error, 'GET /2/users/me'));
      });
    return this.handle;
  }
}
