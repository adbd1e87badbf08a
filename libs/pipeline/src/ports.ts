import type { AnalysisMention } from '@watchfloor/contracts';
import type { ScoredMention, StoredMention } from '@watchfloor/domain';

export interface RejectedMention {
  /** Position in the batch as received: with the batch id, the identity of a dead letter. */
  index: number;
  reason: string;
  input: unknown;
}

/** Where mentions are kept. Implementations must be idempotent per (platform, externalId). */
export interface MentionStore {
  /**
   * Stores the mentions not stored before and returns the ones this batch owns: those it
   * inserted now and, when `isRetry`, those an earlier attempt of the same batch inserted
   * before it died (so they are still published, not lost between store and publish).
   */
  storeBatch(batchId: string, mentions: ScoredMention[], isRetry: boolean): Promise<StoredMention[]>;
}

export interface DeadLetterStore {
  recordRejected(batchId: string, source: string, rejected: RejectedMention[]): Promise<void>;
}

export interface LivePublisher {
  publishMentions(mentions: StoredMention[]): Promise<void>;
}

/**
 * Hands stored mentions to the analysis that needs all of them in one place (near-duplicates,
 * emerging issues, spikes). At least once: a retried batch may hand them again.
 */
export interface AnalysisFeed {
  append(mentions: AnalysisMention[]): Promise<void>;
}
