import type Redis from 'ioredis';
import type { AnalysisMention } from '@watchfloor/contracts';

/** How far analysis is behind. */
export interface AnalysisStreamLag {
  /** Stored batches not yet analysed. */
  entries: number;
  /** Of those, the ones a consumer has taken and not yet acknowledged. */
  pending: number;
  /** Since the oldest unanalysed batch was appended; null when there is none. */
  oldestAgeMs: number | null;
}

export interface AnalysisEntry {
  id: string;
  mentions: AnalysisMention[];
}

const GROUP = 'analysis';
/**
 * A cap on entries kept, should the consumer be down or behind for long: an entry is one stored
 * batch (up to 200 mentions, ~110 KB), so 3,000 entries hold at most ~600,000 mentions in ~330 MB of
 * Redis: ten minutes at 1,000 mentions/s. Past it the oldest are dropped (they stay in PostgreSQL;
 * only their analysis is lost), rather than Redis running out of memory.
 */
const MAX_ENTRIES = 3_000;

/**
 * The stream of stored mentions that analysis reads (a Redis Stream with a consumer group): it
 * outlives a consumer's crash, and what a dead consumer had not acknowledged is claimed by the
 * next one.
 */
export class AnalysisStreamClient {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  get key(): string {
    return `${this.prefix}:analysis`;
  }

  /** One entry per stored batch. */
  async append(mentions: AnalysisMention[]): Promise<void> {
    if (mentions.length === 0) return;
    await this.redis.xadd(this.key, 'MAXLEN', '~', MAX_ENTRIES, '*', 'mentions', JSON.stringify(mentions));
  }

  /** Creates the consumer group at the stream's start once; later calls find it there. */
  async ensureGroup(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.key, GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error as Error).message.includes('BUSYGROUP')) throw error;
    }
  }

  /**
   * Entries for this consumer: first what it (or a dead consumer idle longer than `claimIdleMs`) was
   * given and never acknowledged, then new ones, waiting up to `blockMs` for them.
   */
  async read(consumer: string, count: number, blockMs: number, claimIdleMs: number): Promise<AnalysisEntry[]> {
    const claimed = (await this.redis.xautoclaim(this.key, GROUP, consumer, claimIdleMs, '0', 'COUNT', count)) as [
      string,
      [string, string[]][],
    ];
    const pending = parseEntries(claimed[1]);
    if (pending.length > 0) return pending;
    const own = (await this.redis.xreadgroup('GROUP', GROUP, consumer, 'COUNT', count, 'STREAMS', this.key, '0')) as
      [string, [string, string[]][]][] | null;
    const mine = parseEntries(own?.[0]?.[1] ?? []);
    if (mine.length > 0) return mine;
    const fresh = (await this.redis.xreadgroup(
      'GROUP',
      GROUP,
      consumer,
      'COUNT',
      count,
      'BLOCK',
      blockMs,
      'STREAMS',
      this.key,
      '>',
    )) as [string, [string, string[]][]][] | null;
    return parseEntries(fresh?.[0]?.[1] ?? []);
  }

  /** Acknowledges and removes processed entries: the stream holds only what is still to analyse. */
  async acknowledge(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.redis
      .multi()
      .xack(this.key, GROUP, ...ids)
      .xdel(this.key, ...ids)
      .exec();
  }

  /** Entries not yet analysed: how far analysis is behind. */
  async backlog(): Promise<number> {
    return this.redis.xlen(this.key);
  }

  /** The backlog in detail, for the metrics. Entry ids begin with the millisecond they were appended. */
  async lag(now = Date.now()): Promise<AnalysisStreamLag> {
    const [entries, pending, oldest] = await Promise.all([
      this.redis.xlen(this.key),
      this.pendingCount(),
      this.redis.xrange(this.key, '-', '+', 'COUNT', 1),
    ]);
    const appendedAt = oldest[0] === undefined ? undefined : Number(oldest[0][0].split('-')[0]);
    return { entries, pending, oldestAgeMs: appendedAt === undefined ? null : Math.max(0, now - appendedAt) };
  }

  private async pendingCount(): Promise<number> {
    try {
      const [count] = (await this.redis.xpending(this.key, GROUP)) as [number, ...unknown[]];
      return count;
    } catch (error) {
      // No worker has created the group yet: nothing can be pending.
      if ((error as Error).message.includes('NOGROUP')) return 0;
      throw error;
    }
  }
}

function parseEntries(raw: [string, string[] | null][]): AnalysisEntry[] {
  const entries: AnalysisEntry[] = [];
  for (const [id, fields] of raw) {
    // A claimed entry trimmed away meanwhile comes back with no fields.
    if (fields === null) continue;
    const at = fields.indexOf('mentions');
    const json = at >= 0 ? fields[at + 1] : undefined;
    entries.push({ id, mentions: json === undefined ? [] : (JSON.parse(json) as AnalysisMention[]) });
  }
  return entries;
}
