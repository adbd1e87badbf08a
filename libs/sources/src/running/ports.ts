import type { IngestBatchJob } from '@watchfloor/contracts';
import type { RateLimitStatus } from '../connectors/connector';
import type { SourceErrorKind } from '../connectors/source-http-error';
import type { RejectedItem } from '../normalizers/normalized-batch';
import type { RequestLimit } from '../registry/source-kinds';
import type { BudgetWarning } from './budget-pacer';

/** Where each (source, query) left off. Saved only after what it read is enqueued. */
export interface CursorStore {
  get<T>(key: string): Promise<T | null>;
  set(key: string, cursor: unknown): Promise<void>;
}

export interface IngestSink {
  enqueue(batches: IngestBatchJob[]): Promise<void>;
}

export interface RejectSink {
  recordRejected(batchId: string, source: string, rejected: RejectedItem[]): Promise<void>;
}

export type GateAnswer = { allowed: true } | { allowed: false; retryAt: number };

/** A credential's request allowance, shared by every worker process. */
export interface RateGate {
  take(credentialKey: string, limit: RequestLimit): Promise<GateAnswer>;
  /** After a 429 or an exhausted window: no worker uses the credential until then. */
  holdUntil(credentialKey: string, until: number): Promise<void>;
}

export interface SourceError {
  kind: SourceErrorKind | 'internal';
  message: string;
}

/** What one poll or stream event tells about a source's health. */
export interface SourceObservation {
  at: Date;
  /** Posts read, counted against the monthly budget. */
  reads: number;
  succeeded: boolean;
  newestMentionAt?: string;
  rateLimit?: RateLimitStatus;
  /** When the source may next ask the platform, if it must wait. */
  blockedUntil?: number;
  error?: SourceError;
  /** Replaces the source's budget warnings when present. */
  warnings?: BudgetWarning[];
  queryEstimate?: { queryId: string; monthlyReads: number };
  streamConnected?: boolean;
}

export interface SourceHealthStore {
  readsThisMonth(sourceId: string, now: Date): Promise<number>;
  /** Per query: estimated monthly reads, and when it was last polled. */
  queryEstimates(sourceId: string): Promise<Record<string, { monthlyReads: number; polledAt: string }>>;
  observe(sourceId: string, observation: SourceObservation): Promise<void>;
}
