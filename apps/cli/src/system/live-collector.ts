import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { LiveEvent } from '@watchfloor/contracts';
import type { ClientToServerEvents, LiveMention, ServerToClientEvents } from '@watchfloor/contracts';

/**
 * A socket.io client that records every live mention it receives, as a wall would see them:
 * distinct mentions, repeated deliveries, and ingestion-to-arrival latency.
 */
export class LiveCollector {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly received = new Map<string, LiveMention>();
  deliveries = 0;
  readonly latenciesMs: number[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  /** `token`: a kiosk or session token, as a wall presents it. */
  constructor(apiUrl: string, token: string) {
    this.socket = io(apiUrl, {
      transports: ['websocket'],
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      auth: { token },
    });
    this.socket.on(LiveEvent.Mentions, ({ mentions }) => {
      const now = Date.now();
      for (const mention of mentions) {
        this.deliveries++;
        this.latenciesMs.push(now - mention.ingestedAt);
        this.received.set(`${mention.platform}:${mention.externalId}`, mention);
      }
      this.waiters = this.waiters.filter((waiter) => {
        if (this.received.size < waiter.count) return true;
        waiter.resolve();
        return false;
      });
    });
  }

  get duplicates(): number {
    return this.deliveries - this.received.size;
  }

  /** Resolves on connection; rejects if the server refuses the credential. */
  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  /** Resolves once `count` distinct mentions have arrived, or rejects after `timeoutMs`. */
  waitForDistinct(count: number, timeoutMs: number): Promise<void> {
    if (this.received.size >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`received ${this.received.size} of ${count} mentions within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  close(): void {
    this.socket.close();
  }
}
