import type { Agent } from 'node:https';
import { TwitterApi } from 'twitter-api-v2';
import type { ITwitterApiBeforeRequestConfigHookArgs, ITwitterApiClientPlugin } from 'twitter-api-v2';
import { X_API_BASE_URL, XReplySender, createXUserClient } from '../connectors/x';
import { callWithinDeadline, refuseUnsendable } from './reply-call';
import type { ReplyCallContext } from './reply-errors';
import type { ReplyOutcome, ReplyPoster, ReplyRequest } from './reply-poster';

/**
 * Who posts: X refuses app-only bearer tokens on POST /2/tweets. OAuth 1.0a user tokens do not
 * expire; an OAuth 2.0 user access token lives two hours unless someone refreshes it.
 */
export type XUserCredentials =
  | { kind: 'oauth1'; appKey: string; appSecret: string; accessToken: string; accessSecret: string }
  | { kind: 'oauth2'; userAccessToken: string };

export interface XReplyPosterOptions {
  credentials: XUserCredentials;
  /** Where the X API answers (the source's `apiUrl` setting); tests point it at a local server. */
  baseUrl?: string;
  /** Sockets and TLS trust (twitter-api-v2 speaks only HTTPS: tests trust a local CA). */
  agent?: Agent;
  timeoutMs: number;
}

/**
 * Answers a post as the brand's account: POST /2/tweets with `reply.in_reply_to_tweet_id` (X
 * threads the reply and notifies the author without a mention in the text).
 *
 * Not idempotent: X takes no idempotency key, so a request whose answer was lost may have posted,
 * and sending it again may post twice. X refuses a text identical to a recent post of the same
 * account (403 "duplicate content"), which catches some doubles but is no guarantee. The caller
 * marks the reply as sending before the call and does not retry on its own when the outcome is
 * unknown (a timeout, a cut connection): a person looks at the thread first.
 */
export class XReplyPoster implements ReplyPoster {
  readonly platform = 'twitter';
  readonly idempotent = false;
  private readonly sender: XReplySender;
  private readonly context: ReplyCallContext;

  constructor(options: XReplyPosterOptions) {
    this.sender = new XReplySender({ client: xUserClient(options) });
    this.context = { platform: this.platform, idempotent: this.idempotent, timeoutMs: options.timeoutMs };
  }

  async post(request: ReplyRequest): Promise<ReplyOutcome> {
    refuseUnsendable(this.platform, request);
    return await callWithinDeadline(this.context, (signal) =>
      this.sender.reply(request.inReplyTo, request.text, signal),
    );
  }
}

function xUserClient(options: XReplyPosterOptions): TwitterApi {
  const { credentials, baseUrl, agent } = options;
  if (credentials.kind === 'oauth2') {
    return createXUserClient(credentials.userAccessToken, {
      ...(baseUrl !== undefined && { baseUrl }),
      ...(agent !== undefined && { agent }),
    });
  }
  const { appKey, appSecret, accessToken, accessSecret } = credentials;
  const origin = (baseUrl ?? X_API_BASE_URL).replace(/\/+$/, '');
  return new TwitterApi(
    { appKey, appSecret, accessToken, accessSecret },
    {
      plugins: origin === X_API_BASE_URL ? [] : [baseUrlPlugin(origin)],
      ...(agent !== undefined && { httpAgent: agent }),
    },
  );
}

/** twitter-api-v2 writes every endpoint under this origin; it has no setting to change it. */
const LIBRARY_ORIGIN = 'https://api.x.com/';

/**
 * The X connector's base-URL rewrite (x-client.ts builds only bearer-token clients). It runs
 * before the library signs the request, so the OAuth 1.0a signature covers the URL really called.
 */
function baseUrlPlugin(origin: string): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig: ({ params }: ITwitterApiBeforeRequestConfigHookArgs): void => {
      if (params.url.startsWith(LIBRARY_ORIGIN)) params.url = `${origin}/${params.url.slice(LIBRARY_ORIGIN.length)}`;
    },
  };
}
