import type { Platform } from '@watchfloor/domain';
import { BLUESKY_MAX_POST_GRAPHEMES, BlueskyReplySender } from '../connectors/bluesky';
import { REDDIT_MAX_COMMENT_LENGTH, RedditReplySender } from '../connectors/reddit';
import { XReplySender } from '../connectors/x';
import { createBlueskySession, createRedditAuth } from '../registry/connector-factory';
import { specOf } from '../registry/source-definition';
import type { SourceDefinition } from '../registry/source-definition';
import { X_OAUTH1_USER_FIELDS } from '../registry/source-kinds';
import { MastodonReplyPoster } from './mastodon-reply-poster';
import { ReplyNotSupportedError } from './reply-errors';
import { ReplySenderPoster } from './reply-sender-poster';
import { createXReplyClient } from './x-user-client';
import type { XUserCredentials } from './x-user-client';
import type { EgressHttpsAgent } from '../egress';

/** A reply a community manager wrote in the triage console, as the reply job hands it over. */
export interface ReplyRequest {
  inReplyTo: { platform: Platform; externalId: string; url: string; authorHandle: string };
  text: string;
  /** The same for every attempt at this reply: platforms that take one drop the repeats. */
  idempotencyKey: string;
}

export interface ReplyOutcome {
  /** The reply's id on the platform. */
  externalId: string;
  /** Where to see it; null when the platform did not say. */
  url: string | null;
}

/** Posts replies as the brand's account on one platform, through one source's credentials. */
export interface ReplyPoster {
  readonly platform: Platform;
  /**
   * True when the platform drops a repeated request carrying the same idempotency key (Mastodon),
   * so retrying after a lost answer cannot post twice. When false (X, Bluesky, Reddit), a call
   * whose outcome is unknown is not retried automatically.
   */
  readonly idempotent: boolean;
  /**
   * Throws ReplyRejectedError (do not retry), ReplyRateLimitedError (retry at `retryAt`),
   * ReplyTimedOutError (outcome unknown) or ReplyNotSupportedError (wrong source); other errors
   * (5xx, network) are worth a retry where the poster is idempotent.
   */
  post(request: ReplyRequest): Promise<ReplyOutcome>;
}

export interface ReplyPosterOptions {
  /** How long to wait for the platform; at most (and by default) the connectors' own 20 s limit. */
  timeoutMs?: number;
  /** Sockets and TLS trust for X, which twitter-api-v2 reaches over HTTPS only (tests trust a local CA). */
  agent?: EgressHttpsAgent;
}

/** The connectors give up on a request after 20 s on their own (platform-http, X_REQUEST_TIMEOUT_MS). */
export const REPLY_TIMEOUT_MAX_MS = 20_000;

const RSS_REFUSAL = 'Replies to RSS items are not possible: answer on the site itself';

/** Whether the source has what replying on `platform` takes: the worker picks a source with it. */
export function canReply(source: SourceDefinition, platform: Platform): boolean {
  return specOf(source.kind).platform === platform && whyCannotReply(source) === null;
}

/**
 * The poster for a source, from its settings and opened credentials. Mastodon status ids are
 * local to an instance: answer a Mastodon mention through the source that read it.
 */
export function replyPosterFor(source: SourceDefinition, options: ReplyPosterOptions = {}): ReplyPoster {
  const refusal = whyCannotReply(source);
  if (refusal !== null) throw new ReplyNotSupportedError(refusal);
  const timeoutMs = Math.min(Math.max(1, options.timeoutMs ?? REPLY_TIMEOUT_MAX_MS), REPLY_TIMEOUT_MAX_MS);
  const platform = specOf(source.kind).platform;
  switch (platform) {
    case 'mastodon':
      return new MastodonReplyPoster({
        instanceUrl: setting(source, 'instanceUrl')!,
        accessToken: credential(source, 'accessToken')!,
        timeoutMs,
      });
    case 'twitter': {
      // POST /2/tweets with reply.in_reply_to_tweet_id: X threads the reply and notifies the
      // author without a mention in the text.
      const baseUrl = setting(source, 'apiUrl');
      const client = createXReplyClient({
        credentials: xUserCredentials(source),
        ...(baseUrl !== undefined && { baseUrl }),
        ...(options.agent !== undefined && { agent: options.agent }),
      });
      return new ReplySenderPoster('twitter', new XReplySender({ client }), { timeoutMs });
    }
    case 'bluesky':
      return new ReplySenderPoster('bluesky', new BlueskyReplySender(createBlueskySession(source)), {
        timeoutMs,
        // Bluesky counts what a reader sees as characters (graphemes), not UTF-16 units.
        textLimit: { max: BLUESKY_MAX_POST_GRAPHEMES, unit: 'characters', measure: graphemes },
      });
    case 'reddit':
      return new ReplySenderPoster('reddit', new RedditReplySender(createRedditAuth(source)), {
        timeoutMs,
        textLimit: { max: REDDIT_MAX_COMMENT_LENGTH, unit: 'characters', measure: (text) => text.length },
      });
    case 'rss':
      throw new ReplyNotSupportedError(RSS_REFUSAL);
  }
}

/** Why a source cannot reply, said so a person knows what to set; null when it can. */
function whyCannotReply(source: SourceDefinition): string | null {
  const { platform, label, credentials } = specOf(source.kind);
  const lacks = (...fields: readonly string[]) => fields.some((field) => credential(source, field) === undefined);
  const named = `Source "${source.name}" (${label})`;
  switch (platform) {
    case 'rss':
      return RSS_REFUSAL;
    case 'mastodon':
      if (setting(source, 'instanceUrl') === undefined) return `${named} has no instance URL: set instanceUrl`;
      return lacks('accessToken')
        ? `${named} has no access token: replying on Mastodon needs a token of the brand's account with the write:statuses scope`
        : null;
    case 'twitter':
      return lacks(...X_OAUTH1_USER_FIELDS) && lacks('userAccessToken')
        ? `${named} has only an app-only bearer token, which X does not let post: replying needs user-context credentials of the brand's account (OAuth 1.0a appKey, appSecret, accessToken and accessSecret)`
        : null;
    case 'bluesky':
      if (credentials === null) {
        return `${named} reads without an account, so it cannot reply: reply from a Bluesky search source with the brand's handle and an app password`;
      }
      return lacks('identifier', 'appPassword')
        ? `${named} has no Bluesky account: set identifier and appPassword (an app password of the brand's account) to reply from it`
        : null;
    case 'reddit':
      return lacks('clientId', 'clientSecret', 'username', 'password')
        ? `${named} reads as an app only: set the brand account's username and password (a "script" app) to reply from it`
        : null;
  }
}

/** OAuth 1.0a when all four tokens are set (they do not expire), else the OAuth 2.0 user token. */
function xUserCredentials(source: SourceDefinition): XUserCredentials {
  const [appKey, appSecret, accessToken, accessSecret] = X_OAUTH1_USER_FIELDS.map((field) => credential(source, field));
  if (appKey !== undefined && appSecret !== undefined && accessToken !== undefined && accessSecret !== undefined) {
    return { kind: 'oauth1', appKey, appSecret, accessToken, accessSecret };
  }
  return { kind: 'oauth2', userAccessToken: credential(source, 'userAccessToken')! };
}

function setting(source: SourceDefinition, name: string): string | undefined {
  const value = source.settings[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function credential(source: SourceDefinition, name: string): string | undefined {
  const value = source.credentials?.[name];
  return value === undefined || value === '' ? undefined : value;
}

function graphemes(text: string): number {
  return [...new Intl.Segmenter().segment(text)].length;
}
