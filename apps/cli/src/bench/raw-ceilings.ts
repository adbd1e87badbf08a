import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import type Redis from 'ioredis';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** What the parts under the system can do by themselves on this machine, measured in the same run. */
export interface RawCeilings {
  /** Rows/s a single COPY writes into a table shaped like `mention` (same columns, constraints and indexes). */
  copyRowsPerSec: number;
  /** Sequential Redis round trips/s (PING, one at a time): what a per-item call would cost. */
  redisRoundTripsPerSec: number;
  /** Redis commands/s pipelined 100 to a round trip: what batched calls can reach. */
  redisPipelinedPerSec: number;
}

const COPY_SAMPLE_ROWS = 100_000;
const REDIS_PROBE_MS = 2_000;
const PIPELINE_DEPTH = 100;

/**
 * COPY of the very rows the run stored: they are read out of `mention` first (not timed), then
 * written with one COPY into a scratch table `LIKE mention INCLUDING ALL` (timed), then dropped.
 */
export async function measureCopyCeiling(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      `SELECT least(count(*), ${COPY_SAMPLE_ROWS})::int AS count FROM mention`,
    );
    const count = rows[0]?.count ?? 0;
    if (count === 0) return 0;
    const chunks: Buffer[] = [];
    await pipeline(
      client.query(copyTo(`COPY (SELECT * FROM mention ORDER BY id LIMIT ${COPY_SAMPLE_ROWS}) TO STDOUT`)),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    await client.query('DROP TABLE IF EXISTS mention_copy_ceiling');
    await client.query('CREATE TABLE mention_copy_ceiling (LIKE mention INCLUDING ALL)');
    const startedAt = process.hrtime.bigint();
    await pipeline(Readable.from(chunks), client.query(copyFrom('COPY mention_copy_ceiling FROM STDIN')));
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    await client.query('DROP TABLE mention_copy_ceiling');
    return Math.round(count / seconds);
  } finally {
    await client.end();
  }
}

/** Sequential and pipelined PINGs against the Redis the system uses, each for two seconds. */
export async function measureRedisCeilings(
  redis: Redis,
): Promise<Pick<RawCeilings, 'redisRoundTripsPerSec' | 'redisPipelinedPerSec'>> {
  let roundTrips = 0;
  let startedAt = Date.now();
  while (Date.now() - startedAt < REDIS_PROBE_MS) {
    await redis.ping();
    roundTrips++;
  }
  const redisRoundTripsPerSec = Math.round(roundTrips / ((Date.now() - startedAt) / 1000));

  let commands = 0;
  startedAt = Date.now();
  while (Date.now() - startedAt < REDIS_PROBE_MS) {
    const batch = redis.pipeline();
    for (let index = 0; index < PIPELINE_DEPTH; index++) batch.ping();
    await batch.exec();
    commands += PIPELINE_DEPTH;
  }
  const redisPipelinedPerSec = Math.round(commands / ((Date.now() - startedAt) / 1000));
  return { redisRoundTripsPerSec, redisPipelinedPerSec };
}
