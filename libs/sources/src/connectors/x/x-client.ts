import type { IncomingHttpHeaders } from 'node:http';
import { ApiPartialResponseError, ApiRequestError, ApiResponseError, TwitterApi } from 'twitter-api-v2';
import type { ITwitterApiBeforeRequestConfigHookArgs, ITwitterApiClientPlugin } from 'twitter-api-v2';
import type { RateLimitStatus } from '../connector';
import { rateLimitFromHeaders } from '../platform-http';
import { SourceHttpError, retryAfterMs } from '../source-http-error';
import { EgressHttpsAgent, EgressRefusedError } from '../../egress';

export const X_API_BASE_URL = 'https://api.x.com';

/** twitter-api-v2 writes every endpoint under this origin; it has no setting to change it. */
const LIBRARY_ORIGIN = 'https://api.x.com/';

/** No X answer we wait for takes longer; a stalled request is given up rather than hanging a poll. */
export const X_REQUEST_TIMEOUT_MS = 20_000;

/**
 * The fields and expansions the X normalizer reads: the author's handle, name, followers and badge
 * come from `includes.users`, replies and reposts from `referenced_tweets`, where it was posted from
 * `geo` and `includes.places`.
 */
export const X_POST_FIELDS = {
  'tweet.fields': 'created_at,lang,public_metrics,referenced_tweets,author_id,conversation_id,geo',
  expansions: 'author_id,referenced_tweets.id,geo.place_id',
  'place.fields': 'full_name,geo',
  'user.fields': 'username,name,public_metrics,verified',
} as const;

export interface XClientOptions {
  /** Where the X API answers; tests point it at a local server. Defaults to https://api.x.com. */
  baseUrl?: string;
  /**
   * Sockets and TLS trust for every request (a test CA): always through the egress guard. By
   * default a guarded agent of the client's own.
   */
  agent?: EgressHttpsAgent;
}

/** App-only access (OAuth 2.0 bearer token): recent search, the filtered stream and its rules. */
export function createXAppClient(bearerToken: string, options: XClientOptions = {}): TwitterApi {
  return createXClient(bearerToken, options);
}

/**
 * User context (an OAuth 2.0 user access token of the brand's account): posting replies. X sends
 * both kinds of token as `Authorization: Bearer`, only what they may do differs.
 */
export function createXUserClient(userAccessToken: string, options: XClientOptions = {}): TwitterApi {
  return createXClient(userAccessToken, options);
}

function createXClient(token: string, options: XClientOptions): TwitterApi {
  const baseUrl = (options.baseUrl ?? X_API_BASE_URL).replace(/\/+$/, '');
  return new TwitterApi(token, {
    plugins: baseUrl === X_API_BASE_URL ? [] : [baseUrlPlugin(baseUrl)],
    httpAgent: options.agent ?? new EgressHttpsAgent(),
  });
}

/** Rewrites the library's fixed origin to another base URL, for requests and streams alike. */
function baseUrlPlugin(baseUrl: string): ITwitterApiClientPlugin {
  const rewrite = ({ params }: ITwitterApiBeforeRequestConfigHookArgs): void => {
    if (params.url.startsWith(LIBRARY_ORIGIN)) params.url = `${baseUrl}/${params.url.slice(LIBRARY_ORIGIN.length)}`;
  };
  return { onBeforeRequestConfig: rewrite, onBeforeStreamRequestConfig: rewrite };
}

/**
 * X's rate-limit headers (reset in epoch seconds). A spent daily cap (`x-app-limit-24hour-*`,
 * `x-user-limit-24hour-*`) outlasts the 15-minute window, so it is the one reported when it is hit.
 */
export function xRateLimitOf(headers: IncomingHttpHeaders, now = Date.now()): RateLimitStatus | undefined {
  const fetchHeaders = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) fetchHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const window = (prefix: string) =>
    rateLimitFromHeaders(
      fetchHeaders,
      { remaining: `${prefix}-remaining`, limit: `${prefix}-limit`, reset: `${prefix}-reset` },
      'epoch-seconds',
      now,
    );
  const spentDailyCap = [window('x-app-limit-24hour'), window('x-user-limit-24hour')].find(
    (limit) => limit?.remaining === 0,
  );
  return spentDailyCap ?? window('x-rate-limit');
}

/** What to do about a refusal, said once for every X endpoint. */
const STATUS_HINTS: Record<number, string> = {
  401: 'check the X token (expired, revoked or mistyped)',
  403: "the X app's access level or project does not allow this",
  429: 'X rate limit reached; waiting for its reset',
};

/**
 * twitter-api-v2's errors in our terms: a refusal becomes a SourceHttpError with when to come back
 * (Retry-After, or the rate-limit reset for 429) and X's own words, never the token the request
 * carried (the library's error holds the request, headers and all, so it is not kept as a cause).
 */
export function toSourceError(error: unknown, endpoint: string, now = Date.now()): Error {
  if (error instanceof ApiResponseError) {
    const rateLimit = xRateLimitOf(error.headers, now);
    const retryAfter = error.headers['retry-after'];
    const resetIn = rateLimit?.resetAt === undefined ? undefined : Math.max(0, rateLimit.resetAt - now);
    const hint = STATUS_HINTS[error.code];
    return new SourceHttpError(
      error.code,
      retryAfterMs(typeof retryAfter === 'string' ? retryAfter : null, now) ??
        (error.code === 429 ? resetIn : undefined),
      `X API ${endpoint} answered HTTP ${error.code}${detailOf(error)}${hint === undefined ? '' : ` (${hint})`}`,
      rateLimit,
    );
  }
  if (error instanceof ApiRequestError) {
    const cause = networkErrorOf(error);
    // The guard's refusal says what to change; it carries no token.
    if (cause instanceof EgressRefusedError) return cause;
    return new Error(`X API ${endpoint} could not be reached: ${networkErrorOf(error)?.message ?? 'no detail'}`);
  }
  if (error instanceof ApiPartialResponseError) {
    return new Error(`X API ${endpoint} cut its answer short: ${error.responseError.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * twitter-api-v2 1.29 stores the network error under `error` but its `requestError` getter reads
 * `requestError`, which is never set: both are tried.
 */
function networkErrorOf(error: ApiRequestError): Error | undefined {
  const stored = (error as unknown as { _options?: { error?: unknown } })._options?.error;
  const found: unknown = error.requestError ?? stored;
  return found instanceof Error ? found : undefined;
}

/** X's problem details (`title`/`detail`, or the first of `errors`), short. */
function detailOf(error: ApiResponseError): string {
  const data = error.data as Record<string, unknown> | undefined;
  const first = Array.isArray(data?.['errors']) ? (data['errors'] as unknown[])[0] : undefined;
  const firstMessage =
    typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['message'] : undefined;
  const text = data?.['detail'] ?? data?.['title'] ?? firstMessage;
  return typeof text === 'string' ? `: ${text.slice(0, 200)}` : '';
}
