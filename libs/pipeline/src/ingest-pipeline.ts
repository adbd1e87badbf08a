import type { IngestBatchJob } from '@watchfloor/contracts';
import type { DeadLetterStore, LivePublisher, MentionStore } from './ports';
import { dropDuplicatesInBatch, scoreMentions, validateBatch } from './stages';
import type { QueryTagger, SentimentReader } from './stages';

export interface IngestPipelineDependencies {
  score: SentimentReader;
  /** The current saved queries' matcher: it changes as queries are saved, so it is asked per batch. */
  queryTagger: () => QueryTagger;
  mentions: MentionStore;
  deadLetters: DeadLetterStore;
  live: LivePublisher;
}

export interface IngestOutcome {
  received: number;
  rejected: number;
  duplicatesInBatch: number;
  stored: number;
}

/**
 * validate and normalize → drop duplicates → score → persist → publish, one batch at a time.
 * Throws on any I/O failure so the queue retries the whole batch; every step is idempotent,
 * so a retry never stores or dead-letters anything twice.
 */
export class IngestPipeline {
  constructor(private readonly deps: IngestPipelineDependencies) {}

  async process(job: IngestBatchJob, isRetry: boolean): Promise<IngestOutcome> {
    const { valid, rejected } = validateBatch(job.mentions);
    if (rejected.length > 0) {
      await this.deps.deadLetters.recordRejected(job.batchId, job.source, rejected);
    }
    const unique = dropDuplicatesInBatch(valid);
    const scored = scoreMentions(unique, this.deps.score, this.deps.queryTagger(), job.receivedAt);
    const stored = scored.length > 0 ? await this.deps.mentions.storeBatch(job.batchId, scored, isRetry) : [];
    if (stored.length > 0) {
      await this.deps.live.publishMentions(stored);
    }
    return {
      received: job.mentions.length,
      rejected: rejected.length,
      duplicatesInBatch: valid.length - unique.length,
      stored: stored.length,
    };
  }
}
