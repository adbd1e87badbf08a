import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_MENTIONS_PER_BATCH, sourceRejectsBatchId } from '@watchfloor/contracts';
import type { Mention } from '@watchfloor/domain';
import type { StreamConnector, StreamStatus } from '../connectors/connector';
import type { NormalizedBatch } from '../normalizers/normalized-batch';
import type { SourceDefinition } from '../registry/source-definition';
import { budgetWarnings, readAllowance } from './budget-pacer';
import { LocalFilter } from './local-filter';
import type { NamedQuery, PollCyclePorts } from './poll-cycle';
import { credentialKeyOf, cursorKeyOf, describeError } from './poll-cycle';
import type { SourceObservation } from './ports';

export interface StreamJobInput {
  source: SourceDefinition;
  queries: NamedQuery[];
  connector: StreamConnector;
  signal: AbortSignal;
}

export interface StreamSessionOptions {
  /** The longest a streamed mention waits before its batch is enqueued: bounds the latency we add. */
  flushMs?: number;
  /** How often health (and the reads counted against the budget) is written. */
  healthEveryMs?: number;
  /** How long to wait before looking again when the budget is spent. */
  budgetRecheckMs?: number;
}

export type StreamOutcome = 'stopped' | 'budget-spent';

/**
 * Runs one source's push connection: keeps what any query matches, enqueues it in batches (at most
 * `flushMs` late), stores the stream's cursor after each enqueued batch, dead-letters malformed
 * items, counts reads against the monthly budget and reports health, until the signal aborts or
 * the budget is spent.
 */
export class StreamSession {
  private readonly now: () => Date;
  private readonly flushMs: number;
  private readonly healthEveryMs: number;

  constructor(
    private readonly ports: PollCyclePorts,
    private readonly options: StreamSessionOptions = {},
  ) {
    this.now = ports.now ?? (() => new Date());
    this.flushMs = options.flushMs ?? 250;
    this.healthEveryMs = options.healthEveryMs ?? 5_000;
  }

  async run(input: StreamJobInput): Promise<StreamOutcome> {
    const { source } = input;
    const readsAtStart = await this.ports.health.readsThisMonth(source.id, this.now());
    if (readAllowance(this.budget(source, readsAtStart)) === 0) {
      await this.reportBudget(source, readsAtStart);
      await sleep(this.options.budgetRecheckMs ?? 60_000, undefined, { signal: input.signal }).catch(() => undefined);
      return 'budget-spent';
    }

    const cursorKey = cursorKeyOf(source, null);
    const filter = new LocalFilter(input.queries);
    const stop = new AbortController();
    const signal = AbortSignal.any([input.signal, stop.signal]);
    let pending: Mention[] = [];
    let pendingCursor: { value: unknown } | undefined;
    let unreportedReads = 0;
    let readsThisMonth = readsAtStart;
    let newest: string | undefined;
    let lastHealthAt = 0;
    let budgetSpent = false;
    let flushing = Promise.resolve();

    const report = async (observation: Partial<SourceObservation>, force = false) => {
      const at = this.now();
      if (!force && at.getTime() - lastHealthAt < this.healthEveryMs) return;
      lastHealthAt = at.getTime();
      const reads = unreportedReads;
      unreportedReads = 0;
      await this.ports.health.observe(source.id, {
        at,
        reads,
        succeeded: true,
        ...(newest !== undefined && { newestMentionAt: newest }),
        ...observation,
      });
    };
    const flush = () => {
      flushing = flushing.then(async () => {
        const mentions = pending;
        const cursor = pendingCursor;
        pending = [];
        pendingCursor = undefined;
        for (let start = 0; start < mentions.length; start += MAX_MENTIONS_PER_BATCH) {
          const chunk = mentions.slice(start, start + MAX_MENTIONS_PER_BATCH);
          await this.ports.ingest.enqueue([
            {
              batchId: `stream:${source.id}:${chunk[0]!.externalId}:${chunk.at(-1)!.externalId}:${chunk.length}`,
              source: source.id,
              receivedAt: Date.now(),
              mentions: chunk,
            },
          ]);
        }
        if (cursor !== undefined) await this.ports.cursors.set(cursorKey, cursor.value);
        await report({ streamConnected: true });
      });
      // A batch that could not be enqueued stops the session before any later cursor is stored:
      // the next run resumes from the last cursor that was, and reads that batch again.
      flushing = flushing.catch((error: unknown) => {
        stop.abort();
        throw error;
      });
      return flushing;
    };
    const timer = setInterval(() => {
      if (pending.length > 0 || pendingCursor !== undefined) flush().catch(() => undefined);
    }, this.flushMs);

    const onItems = async (batch: NormalizedBatch, cursor: unknown) => {
      const reads = batch.mentions.length + batch.rejected.length;
      unreportedReads += reads;
      readsThisMonth += reads;
      for (const mention of batch.mentions) {
        if (newest === undefined || mention.createdAt > newest) newest = mention.createdAt;
        if (filter.matchesAny(mention)) pending.push(mention);
      }
      pendingCursor = { value: cursor };
      if (batch.rejected.length > 0) {
        await this.ports.rejects.recordRejected(
          sourceRejectsBatchId(`stream:${source.id}`, String(Date.now())),
          source.id,
          batch.rejected,
        );
      }
      if (pending.length >= MAX_MENTIONS_PER_BATCH) await flush();
      if (readAllowance(this.budget(source, readsThisMonth)) === 0) {
        budgetSpent = true;
        stop.abort();
      }
    };
    const onStatus = (status: StreamStatus) => {
      void this.reportStatus(source, status, report);
    };

    try {
      await input.connector.run({
        queries: input.queries,
        cursor: await this.ports.cursors.get(cursorKey),
        signal,
        onItems,
        onStatus,
      });
    } catch (error) {
      await this.ports.health.observe(source.id, {
        at: this.now(),
        reads: 0,
        succeeded: false,
        streamConnected: false,
        error: describeError(error),
      });
      throw error;
    } finally {
      clearInterval(timer);
      await flush();
      await report({ streamConnected: false }, true);
    }
    if (budgetSpent) {
      await this.reportBudget(source, readsThisMonth);
      return 'budget-spent';
    }
    return 'stopped';
  }

  private async reportStatus(
    source: SourceDefinition,
    status: StreamStatus,
    report: (observation: Partial<SourceObservation>, force?: boolean) => Promise<void>,
  ): Promise<void> {
    try {
      if (status.state === 'connected') return await report({ streamConnected: true }, true);
      if (status.state === 'rate-limited') {
        if (status.rateLimit.resetAt !== undefined) {
          await this.ports.gate.holdUntil(credentialKeyOf(source), status.rateLimit.resetAt);
        }
        return await report({ rateLimit: status.rateLimit }, true);
      }
      await report(
        {
          succeeded: false,
          streamConnected: false,
          error: {
            kind: 'unavailable',
            message: `${status.reason}; reconnecting in ${Math.round(status.retryInMs / 1000)} s`,
          },
        },
        true,
      );
    } catch {
      // Health is best effort while streaming; the next report carries the state.
    }
  }

  private budget(source: SourceDefinition, readsThisMonth: number) {
    return { monthlyReadBudget: source.monthlyReadBudget, readsThisMonth, now: this.now() };
  }

  private async reportBudget(source: SourceDefinition, readsThisMonth: number): Promise<void> {
    await this.ports.health.observe(source.id, {
      at: this.now(),
      reads: 0,
      succeeded: true,
      streamConnected: false,
      warnings: budgetWarnings(this.budget(source, readsThisMonth), []),
    });
  }
}
