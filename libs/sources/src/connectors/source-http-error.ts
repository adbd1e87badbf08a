import type { RateLimitStatus } from './connector';

export type SourceErrorKind = 'rate-limited' | 'unavailable' | 'credentials' | 'not-found' | 'refused';

/** A platform answered with an error status. Rate limits and outages say when to come back. */
export class SourceHttpError extends Error {
  constructor(
    readonly status: number,
    /** From Retry-After (or a rate-limit reset header), when the platform gave one. */
    readonly retryAfterMs: number | undefined,
    message: string,
    readonly rateLimit?: RateLimitStatus,
  ) {
    super(message);
  }

  /** 429 and 5xx pass; anything else (401, 403, 404) needs a person to fix the source. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }

  get kind(): SourceErrorKind {
    if (this.status === 429) return 'rate-limited';
    if (this.status >= 500) return 'unavailable';
    if (this.status === 401 || this.status === 403) return 'credentials';
    if (this.status === 404) return 'not-found';
    return 'refused';
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
