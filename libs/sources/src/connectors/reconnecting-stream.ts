import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelayMs } from './backoff';
import type { StreamStatus } from './connector';
import { SourceHttpError } from './source-http-error';

export interface ReconnectOptions {
  signal: AbortSignal;
  /**
   * Opens the connection and reads until it ends: resolves when the server or the signal closed
   * it, throws when it failed. Calls `connected` once the platform accepted it, which resets the
   * backoff.
   */
  connect(connected: () => void): Promise<void>;
  onStatus(status: StreamStatus): void;
  /** Backoff for cuts and server errors; rate limits wait for their reset, or a minute and up. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Rate-limited reconnects start at a minute, as X asks of clients that get 429 on connect. */
const RATE_LIMITED_BASE_MS = 60_000;

/**
 * Keeps a push connection open until the signal aborts: reconnects after every cut with
 * exponential backoff and jitter, waits out rate limits, and gives up only on what retrying
 * cannot fix (credentials refused, a stream that does not exist), by throwing it.
 */
export async function keepConnected(options: ReconnectOptions): Promise<void> {
  const { signal } = options;
  let attempt = 0;
  while (!signal.aborted) {
    let reason = 'the server closed the connection';
    let delay: number;
    try {
      await options.connect(() => {
        attempt = 0;
        options.onStatus({ state: 'connected' });
      });
      delay = backoffDelayMs(attempt, options.baseDelayMs ?? 500, options.maxDelayMs ?? 30_000);
    } catch (error) {
      if (signal.aborted) break;
      if (error instanceof SourceHttpError && !error.retryable) throw error;
      reason = (error as Error).message;
      if (error instanceof SourceHttpError && error.status === 429) {
        if (error.rateLimit !== undefined) options.onStatus({ state: 'rate-limited', rateLimit: error.rateLimit });
        delay = error.retryAfterMs ?? RATE_LIMITED_BASE_MS + backoffDelayMs(attempt, RATE_LIMITED_BASE_MS, 15 * 60_000);
      } else {
        delay = backoffDelayMs(attempt, options.baseDelayMs ?? 500, options.maxDelayMs ?? 30_000);
      }
    }
    if (signal.aborted) break;
    options.onStatus({ state: 'disconnected', reason, retryInMs: delay });
    attempt++;
    await sleep(delay, undefined, { signal }).catch(() => undefined);
  }
}
