import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { SourceHttpError } from '../source-http-error';
import { toSourceError, xRateLimitOf } from './x-client';

const now = Date.parse('2026-11-23T09:00:00Z');
const nowSeconds = now / 1000;

function anApiResponseError(code: number, headers: IncomingHttpHeaders, data: Record<string, unknown> = {}) {
  return new ApiResponseError(`Request failed with code ${code}`, {
    code,
    headers,
    data,
    // The library's error carries the request, Authorization header included.
    request: { getHeader: () => 'Bearer secret-token' } as unknown as ClientRequest,
    response: {} as IncomingMessage,
  });
}

describe('xRateLimitOf', () => {
  it('reads the 15-minute window, reset in epoch seconds', () => {
    const headers = {
      'x-rate-limit-limit': '450',
      'x-rate-limit-remaining': '12',
      'x-rate-limit-reset': String(nowSeconds + 300),
    };
    expect(xRateLimitOf(headers, now)).toEqual({ limit: 450, remaining: 12, resetAt: now + 300_000 });
  });

  it('reports a spent daily cap, which outlasts the 15-minute window', () => {
    const headers = {
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '99',
      'x-rate-limit-reset': String(nowSeconds + 900),
      'x-user-limit-24hour-limit': '100',
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': String(nowSeconds + 40_000),
    };
    expect(xRateLimitOf(headers, now)).toEqual({ limit: 100, remaining: 0, resetAt: now + 40_000_000 });
  });

  it('says nothing when X sent no rate-limit headers', () => {
    expect(xRateLimitOf({ 'content-type': 'application/json' }, now)).toBeUndefined();
  });
});

describe('toSourceError', () => {
  it('turns a 429 into a retryable SourceHttpError that waits for the reset', () => {
    const error = toSourceError(
      anApiResponseError(
        429,
        {
          'x-rate-limit-limit': '450',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(nowSeconds + 120),
        },
        { title: 'Too Many Requests', detail: 'Too Many Requests' },
      ),
      'GET /2/tweets/search/recent',
      now,
    );
    expect(error).toBeInstanceOf(SourceHttpError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, retryable: true, rateLimit: { remaining: 0 } });
  });

  it('prefers Retry-After when X sends one', () => {
    const error = toSourceError(anApiResponseError(503, { 'retry-after': '30' }), 'GET /2/tweets/search/stream', now);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 30_000, retryable: true });
  });

  it("says what to fix in X's words, and never carries the token", () => {
    const error = toSourceError(
      anApiResponseError(401, {}, { title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank' }),
      'GET /2/tweets/search/stream',
      now,
    );
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toBe(
      'X API GET /2/tweets/search/stream answered HTTP 401: Unauthorized (check the X token (expired, revoked or mistyped))',
    );
    expect(JSON.stringify(error)).not.toContain('secret-token');
    expect(error.cause).toBeUndefined();
  });

  it('reads the first of several errors when there is no detail', () => {
    const error = toSourceError(
      anApiResponseError(400, {}, { errors: [{ message: 'The `query` parameter can not be empty' }] }),
      'GET /2/tweets/search/recent',
      now,
    );
    expect(error.message).toContain(': The `query` parameter can not be empty');
  });

  it('keeps a network failure retryable, naming the endpoint', () => {
    const error = toSourceError(
      new ApiRequestError('Request failed.', {
        request: {} as ClientRequest,
        error: new Error('connect ECONNREFUSED 127.0.0.1:443'),
      }),
      'GET /2/tweets/search/stream',
    );
    expect(error).not.toBeInstanceOf(SourceHttpError);
    expect(error.message).toBe(
      'X API GET /2/tweets/search/stream could not be reached: connect ECONNREFUSED 127.0.0.1:443',
    );
  });
});
