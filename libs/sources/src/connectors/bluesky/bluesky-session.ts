import type { RateLimitStatus } from '../connector';
import { rateLimitFromHeaders, requestPlatform } from '../platform-http';
import type { PlatformRequest, PlatformResponse } from '../platform-http';
import { SourceHttpError } from '../source-http-error';

export interface BlueskySessionOptions {
  /** The account's handle (brand.bsky.social), email or DID. */
  identifier: string;
  /** An app password (Settings → App passwords), never the account's own password. */
  appPassword: string;
  /** The account's PDS; defaults to https://bsky.social. */
  serviceUrl?: string;
}

export interface XrpcCall {
  method?: 'GET' | 'POST';
  params?: URLSearchParams;
  body?: unknown;
  signal: AbortSignal;
}

interface SessionTokens {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
}

/** Bluesky's headers (IETF draft names): the window's size, what is left, and its reset in epoch seconds. */
export function blueskyRateLimit(headers: Headers): RateLimitStatus | undefined {
  return rateLimitFromHeaders(
    headers,
    { remaining: 'ratelimit-remaining', limit: 'ratelimit-limit', reset: 'ratelimit-reset' },
    'epoch-seconds',
  );
}

export function xrpcUrl(baseUrl: string, nsid: string, params?: URLSearchParams): string {
  const query = params === undefined || params.size === 0 ? '' : `?${params}`;
  return `${baseUrl.replace(/\/+$/, '')}/xrpc/${nsid}${query}`;
}

/**
 * A logged-in account on its PDS (com.atproto.server.createSession with an app password). Calls
 * carry the access token; when the PDS says it expired (ExpiredToken, as 400 or 401), the session
 * is refreshed with the refresh token, or opened anew if that expired too, and the call made
 * once more. The PDS proxies app.bsky.* calls to the AppView.
 */
export class BlueskySession {
  readonly serviceUrl: string;
  private tokens: Promise<SessionTokens> | undefined;

  constructor(private readonly options: BlueskySessionOptions) {
    this.serviceUrl = (options.serviceUrl ?? 'https://bsky.social').replace(/\/+$/, '');
  }

  /** The account's DID and handle, logging in if needed. */
  async identity(signal: AbortSignal): Promise<{ did: string; handle: string }> {
    const { did, handle } = await this.current(signal);
    return { did, handle };
  }

  async call<T>(nsid: string, call: XrpcCall): Promise<PlatformResponse<T>> {
    const tokens = await this.current(call.signal);
    try {
      return await this.send<T>(nsid, call, tokens.accessJwt);
    } catch (error) {
      if (!isExpiredToken(error)) throw error;
      const renewed = await this.renew(tokens, call.signal);
      return this.send<T>(nsid, call, renewed.accessJwt);
    }
  }

  private send<T>(nsid: string, call: XrpcCall, accessJwt: string): Promise<PlatformResponse<T>> {
    const request: PlatformRequest = {
      method: call.method ?? 'GET',
      headers: { Authorization: `Bearer ${accessJwt}` },
      signal: call.signal,
      rateLimitOf: blueskyRateLimit,
      ...(call.body !== undefined && { body: call.body }),
    };
    return requestPlatform<T>(xrpcUrl(this.serviceUrl, nsid, call.params), request);
  }

  private current(signal: AbortSignal): Promise<SessionTokens> {
    this.tokens ??= this.remember(this.createSession(signal));
    return this.tokens;
  }

  /** Concurrent callers that saw the same expired token share one refresh. */
  private async renew(expired: SessionTokens, signal: AbortSignal): Promise<SessionTokens> {
    const latest = await this.tokens?.catch(() => undefined);
    if (latest !== undefined && latest.accessJwt !== expired.accessJwt) return latest;
    this.tokens = this.remember(
      this.refreshSession(expired, signal).catch((error: unknown) => {
        if (!isExpiredToken(error)) throw error;
        return this.createSession(signal);
      }),
    );
    return this.tokens;
  }

  /** A failed login is not kept: the next call tries again. */
  private remember(tokens: Promise<SessionTokens>): Promise<SessionTokens> {
    const kept: Promise<SessionTokens> = tokens.catch((error: unknown) => {
      if (this.tokens === kept) this.tokens = undefined;
      throw error;
    });
    return kept;
  }

  private async createSession(signal: AbortSignal): Promise<SessionTokens> {
    try {
      const response = await requestPlatform<unknown>(xrpcUrl(this.serviceUrl, 'com.atproto.server.createSession'), {
        method: 'POST',
        body: { identifier: this.options.identifier, password: this.options.appPassword },
        signal,
        rateLimitOf: blueskyRateLimit,
      });
      return tokensOf(response.body);
    } catch (error) {
      if (error instanceof SourceHttpError && (error.status === 401 || error.status === 400)) {
        throw new SourceHttpError(
          401,
          undefined,
          `Bluesky refused the login of ${this.options.identifier} at ${this.serviceUrl} (${error.message}): check the handle and the app password`,
          error.rateLimit,
        );
      }
      throw error;
    }
  }

  private async refreshSession(expired: SessionTokens, signal: AbortSignal): Promise<SessionTokens> {
    const response = await requestPlatform<unknown>(xrpcUrl(this.serviceUrl, 'com.atproto.server.refreshSession'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${expired.refreshJwt}` },
      signal,
      rateLimitOf: blueskyRateLimit,
    });
    return tokensOf(response.body);
  }
}

/** The PDS answers an expired access token with ExpiredToken, as 400 (older PDSes) or 401. */
function isExpiredToken(error: unknown): boolean {
  if (!(error instanceof SourceHttpError)) return false;
  return error.status === 401 || (error.status === 400 && /expired/i.test(error.message));
}

function tokensOf(body: unknown): SessionTokens {
  const session = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { did, handle, accessJwt, refreshJwt } = session;
  if (typeof did !== 'string' || typeof accessJwt !== 'string' || typeof refreshJwt !== 'string') {
    throw new Error('The Bluesky PDS answered the login without a DID and tokens: is serviceUrl a PDS?');
  }
  return { did, handle: typeof handle === 'string' ? handle : did, accessJwt, refreshJwt };
}
