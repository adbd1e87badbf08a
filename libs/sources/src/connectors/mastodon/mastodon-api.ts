import type { RateLimitStatus } from '../connector';
import { rateLimitFromHeaders, requestPlatform } from '../platform-http';
import type { PlatformResponse } from '../platform-http';
import { SourceHttpError } from '../source-http-error';

/** Where a Mastodon source talks to, and as whom. */
export interface MastodonAccount {
  /** The instance's base URL, e.g. "https://mastodon.social". */
  instanceUrl: string;
  /** An application token of the brand's account (Preferences › Development). */
  accessToken?: string;
}

/** Mastodon's documented maximum `limit` for timelines, search and notifications. */
export const MASTODON_PAGE_SIZE = 40;

/** The instance's origin, checked once so a typo fails at start-up rather than on every poll. */
export function mastodonOrigin(instanceUrl: string): URL {
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    throw new Error(`"${instanceUrl}" is not a Mastodon instance URL: give one like https://mastodon.social`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`"${instanceUrl}" is not a Mastodon instance URL: it must start with https://`);
  }
  return new URL(url.origin);
}

export function requireToken(account: MastodonAccount, what: string, scope: string): string {
  if (account.accessToken === undefined || account.accessToken === '') {
    throw new Error(
      `${what} needs an access token of the brand's account with the ${scope} scope: set one for this source`,
    );
  }
  return account.accessToken;
}

/** Builds an API URL; repeated names (`any[]`, `types[]`) are given as several pairs. */
export function mastodonUrl(origin: URL, path: string, params: [string, string][] = []): string {
  const url = new URL(path, origin);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.toString();
}

export function bearer(accessToken: string | undefined): Record<string, string> {
  return accessToken === undefined || accessToken === '' ? {} : { Authorization: `Bearer ${accessToken}` };
}

/** Mastodon's documented headers; the reset is an ISO 8601 timestamp (300 requests per 5 minutes). */
export function mastodonRateLimit(headers: Headers): RateLimitStatus | undefined {
  return rateLimitFromHeaders(
    headers,
    { remaining: 'x-ratelimit-remaining', limit: 'x-ratelimit-limit', reset: 'x-ratelimit-reset' },
    'iso-date',
  );
}

export interface MastodonCall {
  method?: 'GET' | 'POST';
  accessToken?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The token scope this call needs, named in the error when the token is refused. */
  scope: string;
  signal: AbortSignal;
}

/** One API call; a refused token becomes an error that says which scope the token needs. */
export async function callMastodon<T>(url: string, call: MastodonCall): Promise<PlatformResponse<T>> {
  try {
    return await requestPlatform<T>(url, {
      method: call.method ?? 'GET',
      headers: { ...bearer(call.accessToken), ...call.headers },
      body: call.body,
      signal: call.signal,
      rateLimitOf: mastodonRateLimit,
    });
  } catch (error) {
    throw explainRefusal(error, call.scope);
  }
}

/** 401/403 from Mastodon mean the token is missing, revoked or lacks a scope: say which to fix. */
export function explainRefusal(error: unknown, scope: string): unknown {
  if (!(error instanceof SourceHttpError) || error.kind !== 'credentials') return error;
  return new SourceHttpError(
    error.status,
    error.retryAfterMs,
    `${error.message}. Mastodon refused the access token: create one with the ${scope} scope for the brand's account and set it for this source`,
    error.rateLimit,
  );
}
