import { createHash } from 'node:crypto';
import { MAX_MENTIONS_PER_BATCH, sourceRejectsBatchId } from '@watchfloor/contracts';
import type { IngestBatchJob } from '@watchfloor/contracts';
import type { Mention } from '@watchfloor/domain';
import type { ConnectorQuery, Poller, PollResult } from '../connectors/connector';
import { SourceHttpError } from '../connectors/source-http-error';
import { EgressRefusedError, RemoteBodyTooLargeError } from '../egress';
import type { RejectedItem } from '../normalizers/normalized-batch';
import { specOf } from '../registry/source-definition';
import type { SourceDefinition } from '../registry/source-definition';
import { budgetWarnings, estimateMonthlyReads, readAllowance } from './budget-pacer';
import { LocalFilter } from './local-filter';
import type { CursorStore, IngestSink, RateGate, RejectSink, SourceError, SourceHealthStore } from './ports';

export interface PollCyclePorts {
  cursors: CursorStore;
  ingest: IngestSink;
  rejects: RejectSink;
  gate: RateGate;
  health: SourceHealthStore;
  now?: () => Date;
}

export interface NamedQuery extends ConnectorQuery {
  name: string;
}

export interface PollJobInput {
  source: SourceDefinition;
  /** The query this poll searches for, for sources polled per query. */
  query: NamedQuery | null;
  /** Every enabled query: the local filter of sources that read a whole feed. */
  queries: NamedQuery[];
  poller: Poller;
  signal: AbortSignal;
}

export type PollOutcome =
  | { status: 'polled'; reads: number; enqueued: number; filteredOut: number; rejected: number; truncated: boolean }
  | { status: 'rate-limited'; retryAt: number }
  | { status: 'waiting-for-budget' };

/** Below this a search page is not worth a request (X's smallest page is 10). */
const MIN_READS_PER_POLL = 10;

/**
 * One poll of one (source, query): respects the credential's rate limit and the monthly budget,
 * reads from the cursor, keeps what the query matches locally, enqueues it in batches with ids
 * derived from their content (a repeated poll after a crash enqueues nothing new), dead-letters
 * malformed items, and only then moves the cursor. Every outcome is recorded as source health.
 */
export class PollCycle {
  private readonly now: () => Date;

  constructor(private readonly ports: PollCyclePorts) {
    this.now = ports.now ?? (() => new Date());
  }

  async run(input: PollJobInput): Promise<PollOutcome> {
    const { source, query } = input;
    const spec = specOf(source.kind);
    const credentialKey = credentialKeyOf(source);
    const startedAt = this.now();

    const gate = await this.ports.gate.take(credentialKey, spec.requestLimit);
    if (!gate.allowed) return { status: 'rate-limited', retryAt: gate.retryAt };

    const readsThisMonth = await this.ports.health.readsThisMonth(source.id, startedAt);
    const budget = { monthlyReadBudget: source.monthlyReadBudget, readsThisMonth, now: startedAt };
    const allowance = readAllowance(budget);
    if (allowance < Math.min(MIN_READS_PER_POLL, source.monthlyReadBudget ?? MIN_READS_PER_POLL)) {
      await this.ports.health.observe(source.id, {
        at: startedAt,
        reads: 0,
        succeeded: true,
        warnings: budgetWarnings(budget, await this.estimates(source.id, input.queries)),
      });
      return { status: 'waiting-for-budget' };
    }

    const cursorKey = cursorKeyOf(source, query);
    const cursor = await this.ports.cursors.get(cursorKey);
    let result: PollResult<unknown>;
    try {
      result = await input.poller.poll({ query, cursor, maxReads: allowance, signal: input.signal });
    } catch (error) {
      await this.recordFailure(source.id, credentialKey, error, startedAt);
      throw error;
    }

    const filter = new LocalFilter(query === null ? input.queries : [query]);
    const kept = result.batch.mentions.filter((mention) => filter.matchesAny(mention));
    const batchIdBase = `poll:${source.id}:${query?.id ?? '*'}`;
    await this.enqueue(batchIdBase, kept, startedAt.getTime());
    await this.deadLetter(batchIdBase, source.id, result.batch.rejected);
    await this.ports.cursors.set(cursorKey, result.cursor);

    const previous = query === null ? undefined : (await this.ports.health.queryEstimates(source.id))[query.id];
    const queryEstimate =
      query === null
        ? undefined
        : {
            queryId: query.id,
            monthlyReads: smoothed(
              previous?.monthlyReads,
              estimateMonthlyReads(
                result.reads,
                result.batch.mentions.map((mention) => mention.createdAt),
                cursor === null ? null : dateOrNull(previous?.polledAt),
                startedAt,
              ),
            ),
          };
    const estimates = await this.estimates(source.id, input.queries, queryEstimate);
    await this.ports.health.observe(source.id, {
      at: this.now(),
      reads: result.reads,
      succeeded: result.stoppedBy === undefined,
      ...(newestOf(result.batch.mentions) !== undefined && { newestMentionAt: newestOf(result.batch.mentions) }),
      ...(result.rateLimit !== undefined && { rateLimit: result.rateLimit }),
      ...(queryEstimate !== undefined && { queryEstimate }),
      warnings: budgetWarnings({ ...budget, readsThisMonth: readsThisMonth + result.reads }, estimates),
    });
    if (result.rateLimit?.remaining === 0 && result.rateLimit.resetAt !== undefined) {
      await this.ports.gate.holdUntil(credentialKey, result.rateLimit.resetAt);
    }
    if (result.stoppedBy !== undefined) {
      // What was read before the error is safe; the error itself is the source's news.
      await this.recordFailure(source.id, credentialKey, result.stoppedBy, this.now());
    }
    return {
      status: 'polled',
      reads: result.reads,
      enqueued: kept.length,
      filteredOut: result.batch.mentions.length - kept.length,
      rejected: result.batch.rejected.length,
      truncated: result.truncated,
    };
  }

  private async enqueue(batchIdBase: string, mentions: Mention[], receivedAt: number): Promise<void> {
    const batches: IngestBatchJob[] = [];
    for (let start = 0; start < mentions.length; start += MAX_MENTIONS_PER_BATCH) {
      const chunk = mentions.slice(start, start + MAX_MENTIONS_PER_BATCH);
      batches.push({
        batchId: `${batchIdBase}:${digestOf(chunk.map((mention) => mention.externalId))}`,
        source: chunk[0]!.source,
        receivedAt,
        mentions: chunk,
      });
    }
    if (batches.length > 0) await this.ports.ingest.enqueue(batches);
  }

  /**
   * Each malformed item under an id of its content: a feed that serves the same broken item on
   * every poll has it dead-lettered once, wherever it stands in the response.
   */
  private async deadLetter(batchIdBase: string, sourceId: string, rejected: RejectedItem[]): Promise<void> {
    for (const item of rejected) {
      const batchId = sourceRejectsBatchId(batchIdBase, digestOf([JSON.stringify(item.input) ?? '']));
      await this.ports.rejects.recordRejected(batchId, sourceId, [{ ...item, index: 0 }]);
    }
  }

  private async recordFailure(sourceId: string, credentialKey: string, error: unknown, at: Date): Promise<void> {
    const blockedUntil = error instanceof SourceHttpError ? blockedUntilAfter(error, at) : undefined;
    if (blockedUntil !== undefined) await this.ports.gate.holdUntil(credentialKey, blockedUntil);
    await this.ports.health.observe(sourceId, {
      at,
      reads: 0,
      succeeded: false,
      error: describeError(error),
      ...(error instanceof SourceHttpError && error.rateLimit !== undefined && { rateLimit: error.rateLimit }),
      ...(blockedUntil !== undefined && { blockedUntil }),
    });
  }

  private async estimates(
    sourceId: string,
    queries: NamedQuery[],
    fresh?: { queryId: string; monthlyReads: number },
  ): Promise<{ queryName: string; monthlyReads: number }[]> {
    const stored = await this.ports.health.queryEstimates(sourceId);
    return queries.flatMap((query) => {
      const monthlyReads = fresh?.queryId === query.id ? fresh.monthlyReads : stored[query.id]?.monthlyReads;
      return monthlyReads === undefined ? [] : [{ queryName: query.name, monthlyReads }];
    });
  }
}

/**
 * When a credential may be used again after an error: a 429 says so (or means a minute); a 5xx
 * that sends Retry-After (a 503 in maintenance, say) is obeyed too, or every "poll now" and
 * schedule would ask an overloaded platform again while it said to wait. Other errors do not block.
 */
function blockedUntilAfter(error: SourceHttpError, at: Date): number | undefined {
  if (error.status === 429) return at.getTime() + (error.retryAfterMs ?? 60_000);
  if (error.retryable && error.retryAfterMs !== undefined) return at.getTime() + error.retryAfterMs;
  return undefined;
}

/** Where a (source, query) keeps its cursor. */
export function cursorKeyOf(source: Pick<SourceDefinition, 'id'>, query: Pick<ConnectorQuery, 'id'> | null): string {
  return `source:${source.id}:${query?.id ?? '*'}`;
}

/**
 * Sources that share a credential share its rate limit, whatever they are called: the key is a
 * digest of the credential, never the credential itself.
 */
export function credentialKeyOf(source: Pick<SourceDefinition, 'id' | 'kind' | 'credentials'>): string {
  if (source.credentials === null) return `source:${source.id}`;
  const platform = specOf(source.kind).platform;
  const secret = Object.entries(source.credentials)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return `${platform}:${createHash('sha256').update(secret).digest('hex').slice(0, 24)}`;
}

export function describeError(error: unknown): SourceError {
  if (error instanceof SourceHttpError) return { kind: error.kind, message: error.message };
  // Not the platform's doing nor ours: the source's URL (or the egress settings) must change.
  if (error instanceof EgressRefusedError || error instanceof RemoteBodyTooLargeError) {
    return { kind: 'refused', message: error.message };
  }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

function digestOf(parts: string[]): string {
  return createHash('sha1').update(parts.join('\n')).digest('hex').slice(0, 20);
}

function newestOf(mentions: Mention[]): string | undefined {
  let newest: string | undefined;
  for (const mention of mentions) if (newest === undefined || mention.createdAt > newest) newest = mention.createdAt;
  return newest;
}

/** One poll's volume is noisy (a burst, a quiet minute): estimates move a third of the way to each new one. */
function smoothed(previous: number | undefined, sample: number): number {
  return previous === undefined ? sample : previous + (sample - previous) / 3;
}

function dateOrNull(value: string | undefined): Date | null {
  return value === undefined ? null : new Date(value);
}
