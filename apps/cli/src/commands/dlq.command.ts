import { loadQueueConfig } from '@watchfloor/config';
import { IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { DeadLetterRepository } from '@watchfloor/persistence';
import type { DeadLetterEntry } from '@watchfloor/persistence';
import { DeadLetterReplayer } from '@watchfloor/pipeline';
import type { ReplayIngest, ReplayReport } from '@watchfloor/pipeline';
import { resolveServiceEnv } from '../local-services/service-urls';
import { withDatabase } from './with-database';

export interface DlqListArguments {
  limit: number;
  reason?: string;
}

/**
 * `dlq list`: one JSON line per dead letter, oldest first, then a summary line with how many
 * match and how many of those still wait for a replay.
 */
export async function dlqListCommand(args: DlqListArguments, output: NodeJS.WritableStream): Promise<number> {
  const filter = args.reason === undefined ? {} : { reasonContains: args.reason };
  const { entries, counts } = await withDatabase(async (dataSource) => {
    const deadLetters = new DeadLetterRepository(dataSource);
    return { entries: await deadLetters.list(filter, args.limit), counts: await deadLetters.count(filter) };
  });
  for (const entry of entries) output.write(`${JSON.stringify(listingOf(entry))}\n`);
  output.write(`${JSON.stringify({ listed: entries.length, matching: counts.matching, waiting: counts.waiting })}\n`);
  return 0;
}

function listingOf(entry: DeadLetterEntry) {
  const { createdAt, ...rest } = entry;
  return { ...rest, recordedAt: createdAt };
}

export type DlqReplayArguments = { dryRun: boolean } & ({ ids: string[] } | { all: true });

/** Dead letters read and queued at a time: one round trip to Redis per page. */
const PAGE_SIZE = 100;

/**
 * `dlq replay`: sends dead letters back through the ingest queue (see DeadLetterReplayer), one
 * JSON line per entry, then {"replayed","invalid","skipped"}. Exits 1 when an --id names no dead letter.
 */
export async function dlqReplayCommand(args: DlqReplayArguments, output: NodeJS.WritableStream): Promise<number> {
  const totals = { replayed: 0, invalid: 0, skipped: 0 };
  const report = (reports: ReplayReport[]) => {
    for (const line of reports) {
      totals[line.status]++;
      output.write(`${JSON.stringify(args.dryRun ? { ...line, dryRun: true } : line)}\n`);
    }
  };
  const missing = await withIngest(args.dryRun, (ingest) =>
    withDatabase(async (dataSource) => {
      const deadLetters = new DeadLetterRepository(dataSource);
      const replayer = new DeadLetterReplayer({ ledger: deadLetters, ingest, now: Date.now, dryRun: args.dryRun });
      if ('ids' in args) {
        const byId = new Map((await deadLetters.findByIds(args.ids)).map((letter) => [letter.id, letter]));
        const found = args.ids.flatMap((id) => byId.get(id) ?? []);
        for (let start = 0; start < found.length; start += PAGE_SIZE) {
          report(await replayer.replay(found.slice(start, start + PAGE_SIZE)));
        }
        const missing = args.ids.filter((id) => !byId.has(id));
        report(missing.map((id) => ({ id, status: 'skipped', reason: 'no such dead letter' })));
        return missing.length;
      }
      let afterId: string | null = null;
      for (;;) {
        const page = await deadLetters.findWaiting(afterId, PAGE_SIZE);
        if (page.length === 0) return 0;
        report(await replayer.replay(page));
        afterId = page[page.length - 1]!.id;
      }
    }),
  );
  output.write(`${JSON.stringify(args.dryRun ? { ...totals, dryRun: true } : totals)}\n`);
  return missing > 0 ? 1 : 0;
}

/** The ingest queue, which a dry run does not need: it runs without Redis. */
async function withIngest<T>(dryRun: boolean, work: (ingest: ReplayIngest) => Promise<T>): Promise<T> {
  if (dryRun) return work({ enqueue: () => Promise.reject(new Error('a dry run queues nothing')) });
  const config = loadQueueConfig(resolveServiceEnv());
  const redis = createRedisConnection(config.redisUrl, 'watchfloor-cli');
  const queue = new IngestQueueClient(redis, config.redisPrefix);
  try {
    return await work(queue);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
