import type { QueryNode } from '@watchfloor/listening';
import type { NormalizedBatch } from '../normalizers/normalized-batch';

/** What a platform said of its rate limit on the last answer. */
export interface RateLimitStatus {
  /** Requests left in the current window. */
  remaining?: number;
  limit?: number;
  /** Epoch milliseconds at which the window resets. */
  resetAt?: number;
}

/** A saved listening query, parsed once, as connectors receive it. */
export interface ConnectorQuery {
  id: string;
  text: string;
  node: QueryNode;
}

export interface PollRequest<C> {
  /** The query this poll searches for; null for sources that read a whole feed or inbox. */
  query: ConnectorQuery | null;
  /** Where the previous poll stopped; null on the first poll ever. */
  cursor: C | null;
  /** The most posts this poll may read: what the monthly budget allows right now. */
  maxReads: number;
  signal: AbortSignal;
}

export interface PollResult<C> {
  /** Everything read, normalized; the local query filter is applied by the caller. */
  batch: NormalizedBatch;
  /** Where the next poll starts. Stored only once the batch is safely enqueued. */
  cursor: C;
  /** Posts read, counted against the monthly budget (paid APIs bill by the read). */
  reads: number;
  rateLimit?: RateLimitStatus;
  /** More was waiting than `maxReads` allowed: the cursor resumes exactly where this poll stopped. */
  truncated: boolean;
  /**
   * The poll stopped early on this error (a 429 on page three): `batch` and `cursor` cover what was
   * read before it, and the caller reports the error after storing them.
   */
  stoppedBy?: unknown;
}

/** Pulls what is new since a cursor: a platform search, a timeline, a feed. */
export interface Poller<C = unknown> {
  poll(request: PollRequest<C>): Promise<PollResult<C>>;
}

export type StreamStatus =
  | { state: 'connected' }
  | { state: 'disconnected'; reason: string; retryInMs: number }
  | { state: 'rate-limited'; rateLimit: RateLimitStatus };

export interface StreamRequest<C> {
  /** Every enabled query: streams filter (or sync their rules) for all of them at once. */
  queries: ConnectorQuery[];
  /** Where the stream was before a restart; null on the first run. */
  cursor: C | null;
  signal: AbortSignal;
  /**
   * Items as they arrive with the cursor just after them. Resolves once they are handed on, which
   * is the stream's back-pressure; the connector does not read further until it resolves.
   */
  onItems(batch: NormalizedBatch, cursor: C): Promise<void>;
  onStatus(status: StreamStatus): void;
}

/**
 * A push connection (X filtered stream, Mastodon streaming, Bluesky Jetstream). `run` reconnects by
 * itself with backoff and recovers what a cut missed; it resolves when the signal aborts and throws
 * only for what a person must fix (credentials refused, a bad setting).
 */
export interface StreamConnector<C = unknown> {
  run(request: StreamRequest<C>): Promise<void>;
}

/** The post being answered, as stored. */
export interface ReplyTarget {
  externalId: string;
  url: string;
  authorHandle: string;
}

export interface SentReply {
  externalId: string;
  url: string;
}

/** Posts an answer on the platform, as the brand's account (used by triage). */
export interface ReplySender {
  reply(target: ReplyTarget, text: string, signal: AbortSignal): Promise<SentReply>;
}
