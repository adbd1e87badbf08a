import { MAX_MENTIONS_PER_BATCH, deadLetterReplayBatchId, holdsSourceRejects } from '@watchfloor/contracts';
import type { IngestBatchJob } from '@watchfloor/contracts';
import { validateMention } from '@watchfloor/domain';

/** A dead letter as the replay needs it. */
export interface ReplayableDeadLetter {
  id: string;
  batchId: string;
  /** -1 when the whole batch failed: the payload is then its ingest job. */
  itemIndex: number;
  source: string;
  payload: unknown;
  /** ISO time it was sent back through ingestion; null while it has not been. */
  replayedAt: string | null;
}

export type ReplayPlan =
  | { action: 'replay'; batch: IngestBatchJob }
  | { action: 'invalid'; reason: string }
  | { action: 'skip'; reason: string };

/**
 * What replaying a dead letter means: a mention is checked as ingestion will check it and goes
 * back alone; a failed batch goes back whole (ingestion sets its bad mentions aside one by one).
 * Each goes under a batch id of its own dead letter, so a replay repeated is not queued twice.
 */
export function planDeadLetterReplay(letter: ReplayableDeadLetter, receivedAt: number): ReplayPlan {
  if (letter.replayedAt !== null) return { action: 'skip', reason: `already replayed at ${letter.replayedAt}` };
  if (holdsSourceRejects(letter.batchId)) {
    return {
      action: 'skip',
      reason: "a raw platform item the source's normalizer set aside, not a mention: its source reads it again",
    };
  }
  const batchId = deadLetterReplayBatchId(letter.id);
  if (letter.itemIndex === -1) {
    const problem = ingestBatchProblem(letter.payload);
    if (problem !== undefined) return { action: 'invalid', reason: `not an ingest batch: ${problem}` };
    const job = letter.payload as Pick<IngestBatchJob, 'source' | 'mentions'>;
    return { action: 'replay', batch: { batchId, source: job.source, receivedAt, mentions: job.mentions } };
  }
  const result = validateMention(letter.payload);
  if (!result.ok) return { action: 'invalid', reason: result.reason };
  return { action: 'replay', batch: { batchId, source: letter.source, receivedAt, mentions: [letter.payload] } };
}

function ingestBatchProblem(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'not an object';
  const { source, mentions } = payload as Record<string, unknown>;
  if (typeof source !== 'string' || source.length === 0) return '"source" must be a non-empty string';
  if (!Array.isArray(mentions) || mentions.length === 0) return '"mentions" must be a non-empty array';
  if (mentions.length > MAX_MENTIONS_PER_BATCH) return `"mentions" holds more than ${MAX_MENTIONS_PER_BATCH}`;
  return undefined;
}

/** Where dead letters are kept. */
export interface DeadLetterLedger {
  /** Stamps the time they were replayed on those not stamped yet. */
  markReplayed(ids: string[]): Promise<void>;
  /** An entry that fails again stays, with the reason it fails now. */
  keepWithReason(id: string, reason: string): Promise<void>;
}

export interface ReplayIngest {
  enqueue(batches: IngestBatchJob[]): Promise<void>;
}

export type ReplayReport =
  | { id: string; status: 'replayed'; batchId: string; mentions: number }
  | { id: string; status: 'invalid'; reason: string }
  | { id: string; status: 'skipped'; reason: string };

export interface DeadLetterReplayDependencies {
  ledger: DeadLetterLedger;
  ingest: ReplayIngest;
  now: () => number;
  /** Plan and report only: nothing is queued or changed. */
  dryRun: boolean;
}

/** Sends dead letters back through ingestion, a page at a time, and says what became of each. */
export class DeadLetterReplayer {
  constructor(private readonly deps: DeadLetterReplayDependencies) {}

  async replay(letters: readonly ReplayableDeadLetter[]): Promise<ReplayReport[]> {
    const receivedAt = this.deps.now();
    const reports: ReplayReport[] = [];
    const batches: IngestBatchJob[] = [];
    for (const letter of letters) {
      const plan = planDeadLetterReplay(letter, receivedAt);
      switch (plan.action) {
        case 'replay':
          batches.push(plan.batch);
          reports.push({
            id: letter.id,
            status: 'replayed',
            batchId: plan.batch.batchId,
            mentions: plan.batch.mentions.length,
          });
          break;
        case 'invalid':
          if (!this.deps.dryRun) await this.deps.ledger.keepWithReason(letter.id, plan.reason);
          reports.push({ id: letter.id, status: 'invalid', reason: plan.reason });
          break;
        case 'skip':
          reports.push({ id: letter.id, status: 'skipped', reason: plan.reason });
          break;
      }
    }
    if (!this.deps.dryRun && batches.length > 0) {
      // Queued first, stamped after: a run cut off between the two queues the same batch ids
      // again next time, which the queue takes once (and the store keeps each mention once).
      await this.deps.ingest.enqueue(batches);
      await this.deps.ledger.markReplayed(
        reports.filter((report) => report.status === 'replayed').map((report) => report.id),
      );
    }
    return reports;
  }
}
