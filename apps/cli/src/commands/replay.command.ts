import { createReadStream, existsSync } from 'node:fs';
import { loadQueueConfig } from '@watchfloor/config';
import { IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { MentionBatcher, readNdjson, replay } from '@watchfloor/sources';
import { resolveServiceEnv } from '../local-services/service-urls';

export interface ReplayArguments {
  file: string;
  rate?: number;
}

/**
 * Pushes an NDJSON file of mentions into ingestion, optionally at a steady rate. Mentions
 * without a `source` are attributed to "replay". Prints one JSON summary line on stdout.
 */
export async function replayCommand(args: ReplayArguments, output: NodeJS.WritableStream): Promise<number> {
  if (!existsSync(args.file)) {
    throw new Error(`${args.file}: no such file`);
  }
  const config = loadQueueConfig(resolveServiceEnv());
  const redis = createRedisConnection(config.redisUrl, 'watchfloor-cli');
  const queue = new IngestQueueClient(redis, config.redisPrefix);
  let unparsable = 0;
  try {
    const batcher = new MentionBatcher({
      source: 'replay',
      sink: (batches) => queue.enqueue(batches),
      maxWaitMs: 100,
      onError: (error) => process.stderr.write(`could not enqueue a batch: ${(error as Error).message}\n`),
    });
    const lines = readNdjson(createReadStream(args.file), (problem) => {
      unparsable++;
      process.stderr.write(`${args.file}:${problem.line}: not JSON (${problem.error}); it will be dead-lettered\n`);
    });
    const mentions = withDefaultSource(lines, 'replay');
    const fed = await replay(mentions, batcher, args.rate === undefined ? {} : { ratePerSecond: args.rate });
    output.write(`${JSON.stringify({ file: args.file, mentions: fed, batches: batcher.batchesSent, unparsable })}\n`);
    return 0;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

async function* withDefaultSource(mentions: AsyncIterable<unknown>, source: string): AsyncGenerator<unknown> {
  for await (const mention of mentions) {
    const isObject = typeof mention === 'object' && mention !== null && !Array.isArray(mention);
    yield isObject && !('source' in mention) ? { ...mention, source } : mention;
  }
}
