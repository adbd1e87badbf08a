import type { RateLimitStatus } from '../connector';
import { rateLimitFromHeaders, requestPlatform } from '../platform-http';
import type { PlatformRequest, PlatformResponse } from '../platform-http';
import { SourceHttpError } from '../source-http-error';

export interface RedditAuthOptions {
  clientId: string;
  clientSecret: string;
  /** The brand's account, for replies: Reddit grants user tokens to "script" apps by password. */
  username?: string;
  password?: string;
  /** Defaults to https://www.reddit.com/api/v1/access_token. */
  authUrl?: string;
  /** Defaults to https://oauth.reddit.com: OAuth calls must go there, not to www. */
  apiUrl?: string;
  /** Reddit asks for `<platform>:<app id>:<version> (by /u/<username>)` and throttles generic ones. */
  userAgent?: string;
}

/** Which token a call needs: app-only for reading, the brand's account for posting. */
export type RedditGrant = 'app' | 'user';

interface CachedToken {
  value: string;
  expiresAt: number;
}

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  error?: string;
}

/** Tokens are renewed this long before Reddit says they expire, so none expires mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

/** Reddit's headers: requests used and left in the window, and the seconds until it resets. */
export function redditRateLimit(headers: Headers): RateLimitStatus | undefined {
  const status = rateLimitFromHeaders(
    headers,
    { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' },
    'seconds-from-now',
  );
  const used = Number(headers.get('x-ratelimit-used'));
  // Reddit sends no limit header; used + remaining is the window's size (100 per minute, documented).
  if (status?.remaining === undefined || !Number.isFinite(used)) return status;
  return { ...status, limit: Math.round(used + Number(headers.get('x-ratelimit-remaining'))) };
}

/**
 * Reddit OAuth for one app: the app-only token (client credentials) for search, the script app's
 * password grant for replies. Each token is fetched once and reused until shortly before it
 * expires; concurrent callers share one token request.
 */
export class RedditAuth {
  readonly apiUrl: string;
  private readonly authUrl: string;
  private readonly tokens = new Map<RedditGrant, Promise<CachedToken>>();

  constructor(private readonly options: RedditAuthOptions) {
    this.authUrl = options.authUrl ?? 'https://www.reddit.com/api/v1/access_token';
    this.apiUrl = (options.apiUrl ?? 'https://oauth.reddit.com').replace(/\/+$/, '');
  }

  /** Replies need the brand account's username and password besides the app's credentials. */
  get canReply(): boolean {
    return this.options.username !== undefined && this.options.password !== undefined;
  }

  /** A bearer token for the grant, from the cache while it is fresh. */
  async token(grant: RedditGrant, signal: AbortSignal): Promise<string> {
    const cached = this.tokens.get(grant);
    if (cached !== undefined) {
      const token = await cached.catch(() => undefined);
      if (token !== undefined && token.expiresAt > Date.now()) return token.value;
      // Another caller may have started the renewal while this one waited.
      const renewing = this.tokens.get(grant);
      if (renewing !== undefined && renewing !== cached) return (await renewing).value;
    }
    const request: Promise<CachedToken> = this.fetchToken(grant, signal).catch((error: unknown) => {
      // A failed request is not cached: the next call asks again.
      if (this.tokens.get(grant) === request) this.tokens.delete(grant);
      throw error;
    });
    this.tokens.set(grant, request);
    return (await request).value;
  }

  /** Forgets a token Reddit refused before its time (revoked, or the app's secret changed). */
  forget(grant: RedditGrant): void {
    this.tokens.delete(grant);
  }

  /**
   * One call to the OAuth API with the grant's token and Reddit's rate-limit headers. A 401 means
   * the token went bad early: it is fetched again and the call made once more.
   */
  async call<T>(
    path: string,
    grant: RedditGrant,
    request: Omit<PlatformRequest, 'headers' | 'rateLimitOf'>,
  ): Promise<PlatformResponse<T>> {
    const send = (token: string) =>
      requestPlatform<T>(`${this.apiUrl}${path}`, {
        ...request,
        headers: { Authorization: `bearer ${token}`, ...this.userAgentHeader() },
        rateLimitOf: redditRateLimit,
      });
    // Outside the retry: a refused client id or secret is not asked twice.
    const token = await this.token(grant, request.signal);
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof SourceHttpError) || error.status !== 401) throw error;
      this.forget(grant);
      return send(await this.token(grant, request.signal));
    }
  }

  private async fetchToken(grant: RedditGrant, signal: AbortSignal): Promise<CachedToken> {
    const { clientId, clientSecret, username, password } = this.options;
    if (grant === 'user' && (username === undefined || password === undefined)) {
      throw new Error(
        'Reddit replies need the brand account\'s username and password (a "script" app): set them on this source',
      );
    }
    const form =
      grant === 'user'
        ? new URLSearchParams({ grant_type: 'password', username: username!, password: password! })
        : new URLSearchParams({ grant_type: 'client_credentials' });
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    let response: PlatformResponse<TokenResponse>;
    try {
      response = await requestPlatform<TokenResponse>(this.authUrl, {
        method: 'POST',
        headers: { Authorization: `Basic ${basic}`, ...this.userAgentHeader() },
        body: form,
        signal,
        rateLimitOf: redditRateLimit,
      });
    } catch (error) {
      if (error instanceof SourceHttpError && error.kind === 'credentials') {
        throw new SourceHttpError(
          error.status,
          undefined,
          `Reddit refused the app's client id and secret (HTTP ${error.status}): check them in the app's settings at https://www.reddit.com/prefs/apps`,
          error.rateLimit,
        );
      }
      throw error;
    }
    const body = response.body;
    // A wrong username or password is answered 200 with {"error":"invalid_grant"}, not 401.
    if (typeof body?.access_token !== 'string') {
      const reason = typeof body?.error === 'string' ? body.error : 'no access_token in the answer';
      throw new SourceHttpError(
        401,
        undefined,
        grant === 'user'
          ? `Reddit refused the brand account's login (${reason}): check the username and password, and that the app is a "script" app the account develops`
          : `Reddit gave no app token (${reason}): check the client id and secret`,
      );
    }
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 3600) * 1000;
    return { value: body.access_token, expiresAt: Date.now() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS) };
  }

  private userAgentHeader(): Record<string, string> {
    return this.options.userAgent === undefined ? {} : { 'User-Agent': this.options.userAgent };
  }
}
