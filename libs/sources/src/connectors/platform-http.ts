import { MAX_JSON_DEPTH, nestsDeeperThan } from '@watchfloor/domain';
import type { RateLimitStatus } from './connector';
import { SourceHttpError, retryAfterMs } from './source-http-error';
import { egressFetch, readBoundedText } from '../egress';

export interface PlatformRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as JSON, or as a form when it is URLSearchParams. */
  body?: unknown;
  signal: AbortSignal;
  /** Reads the platform's own rate-limit headers. */
  rateLimitOf?: (headers: Headers) => RateLimitStatus | undefined;
}

export interface PlatformResponse<T> {
  body: T;
  headers: Headers;
  rateLimit: RateLimitStatus | undefined;
}

const TIMEOUT_MS = 20_000;
/** An error page is read only for the platform's message; a huge one is not worth holding. */
const ERROR_DETAIL_BYTES = 64 * 1024;
export const USER_AGENT = 'Watchfloor/0.1 (+https://github.com/watchfloor/watchfloor)';

/**
 * One request to a platform's JSON API. Error statuses become SourceHttpError with when to come
 * back (Retry-After, or the rate-limit reset); the body is returned as text when it is not JSON
 * for the normalizer to judge. Credentials in `headers` never appear in errors.
 */
export async function requestPlatform<T = unknown>(
  url: string,
  request: PlatformRequest,
): Promise<PlatformResponse<T>> {
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Accept: 'application/json', ...request.headers };
  let body: string | URLSearchParams | undefined;
  if (request.body instanceof URLSearchParams) body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await egressFetch(url, {
    method: request.method ?? 'GET',
    headers,
    ...(body !== undefined && { body }),
    signal: AbortSignal.any([request.signal, AbortSignal.timeout(TIMEOUT_MS)]),
  });
  const rateLimit = request.rateLimitOf?.(response.headers);
  if (!response.ok) {
    const detail = await errorDetail(response);
    const resetIn = rateLimit?.resetAt === undefined ? undefined : Math.max(0, rateLimit.resetAt - Date.now());
    throw new SourceHttpError(
      response.status,
      retryAfterMs(response.headers.get('retry-after')) ?? (response.status === 429 ? resetIn : undefined),
      `${new URL(url).origin}${new URL(url).pathname} answered HTTP ${response.status}${detail}`,
      rateLimit,
    );
  }
  const text = await readBoundedText(response, url);
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Left as text: the normalizer says what is wrong with it.
  }
  if (nestsDeeperThan(parsed)) {
    throw new Error(
      `${new URL(url).origin}${new URL(url).pathname} answered JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  return { body: parsed as T, headers: response.headers, rateLimit };
}

/** The platform's own words about an error, short: they tell the admin what to fix. */
async function errorDetail(response: Awaited<ReturnType<typeof egressFetch>>): Promise<string> {
  const text = (await readBoundedText(response, response.url, ERROR_DETAIL_BYTES).catch(() => '')).slice(0, 2_000);
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const message = body['detail'] ?? body['error_description'] ?? body['message'] ?? body['error'] ?? body['title'];
    return typeof message === 'string' ? `: ${message.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

/** The usual `x-ratelimit-*` headers, with the reset given in epoch seconds (X) or seconds from now (Reddit). */
export function rateLimitFromHeaders(
  headers: Headers,
  names: { remaining: string; limit?: string; reset: string },
  reset: 'epoch-seconds' | 'seconds-from-now' | 'iso-date',
  now = Date.now(),
): RateLimitStatus | undefined {
  const number = (name: string | undefined) => {
    const value = name === undefined ? null : headers.get(name);
    const parsed = value === null ? NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const remaining = number(names.remaining);
  const limit = number(names.limit);
  const resetValue = headers.get(names.reset);
  let resetAt: number | undefined;
  if (resetValue !== null) {
    if (reset === 'iso-date') {
      const parsed = Date.parse(resetValue);
      resetAt = Number.isNaN(parsed) ? undefined : parsed;
    } else {
      const seconds = Number(resetValue);
      if (Number.isFinite(seconds)) resetAt = reset === 'epoch-seconds' ? seconds * 1000 : now + seconds * 1000;
    }
  }
  if (remaining === undefined && limit === undefined && resetAt === undefined) return undefined;
  return {
    ...(remaining !== undefined && { remaining: Math.floor(remaining) }),
    ...(limit !== undefined && { limit }),
    ...(resetAt !== undefined && { resetAt: Math.round(resetAt) }),
  };
}
