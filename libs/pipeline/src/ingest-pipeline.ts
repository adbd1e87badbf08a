import { classifyAmplification } from '@watchfloor/analysis';
import type { AnalysisMention, IngestBatchJob } from '@watchfloor/contracts';
import type { StoredMention } from '@watchfloor/domain';
import type { AnalysisFeed, DeadLetterStore, LivePublisher, MentionStore } from './ports';
import { dropDuplicatesInBatch, scoreMentions, validateBatch } from './stages';
import type { QueryTagger, SentimentReader } from './stages';

export interface IngestPipelineDependencies {
  score: SentimentReader;
  /** The current saved queries' matcher: it changes as queries are saved, so it is asked per batch. */
  queryTagger: () => QueryTagger;
  mentions: MentionStore;
  deadLetters: DeadLetterStore;
  live: LivePublisher;
  analysis: AnalysisFeed;
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
      await Promise.all([this.deps.live.publishMentions(stored), this.deps.analysis.append(stored.map(forAnalysis))]);
    }
    return {
      received: job.mentions.length,
      rejected: rejected.length,
      duplicatesInBatch: valid.length - unique.length,
      stored: stored.length,
    };
  }
}

/** Analysis gets no raw payload, so what it needed of one is read here: what the post does with another. */
function forAnalysis(mention: StoredMention): AnalysisMention {
  const { raw: _raw, ...rest } = mention;
  return { ...rest, amplification: classifyAmplification(mention) };
}
