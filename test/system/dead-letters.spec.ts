import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { DeadLetterRepository } from '@watchfloor/persistence';
import { runWatchfloor } from '../support/run-command';
import { TEST_REDIS_URL } from '../support/test-services';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { waitFor } from '../support/wait-for';

jest.setTimeout(180_000);

type Line = Record<string, unknown>;

describe('the dead-letter queue: `watchfloor dlq list` and `dlq replay` (running api and worker processes)', () => {
  let testSystem: TestSystem;
  let dataSource: DataSource;
  let redis: Redis;
  let queue: IngestQueueClient;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    testSystem = await startTestSystem();
    dataSource = testSystem.dataSource;
    env = { DATABASE_URL: testSystem.databaseUrl, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: testSystem.redisPrefix };
    redis = createRedisConnection(TEST_REDIS_URL, 'dead-letters-spec');
    queue = new IngestQueueClient(redis, testSystem.redisPrefix);
  });

  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  async function dlq(args: string[]): Promise<{ code: number | null; lines: Line[]; stderr: string }> {
    const { code, stdout, stderr } = await runWatchfloor(['dlq', ...args], { env });
    const lines = stdout
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Line);
    return { code, lines, stderr };
  }

  async function storedCount(externalIds: string[]): Promise<{ rows: number; distinct: number }> {
    const [row] = await dataSource.query<{ rows: number; distinct: number }[]>(
      `SELECT count(*)::int AS rows, count(DISTINCT external_id)::int AS distinct FROM mention
       WHERE external_id = ANY($1)`,
      [externalIds],
    );
    return row!;
  }

  const deadLetterRows = () =>
    dataSource.query<{ id: string; batch_id: string; item_index: number; reason: string; replayed_at: Date | null }[]>(
      `SELECT id::text, batch_id, item_index, reason, replayed_at FROM dead_letter ORDER BY id`,
    );

  it('lists each dead letter with its reason, replays each fixed one once, and keeps the invalid', async () => {
    // The cause of a whole batch failing: the mention store refuses its mentions, on every attempt.
    await dataSource.query(`
      CREATE FUNCTION refuse_spec_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'mention store unavailable for %', NEW.external_id; END $$`);
    await dataSource.query(`
      CREATE TRIGGER refuse_spec_mentions BEFORE INSERT ON mention FOR EACH ROW
      WHEN (NEW.external_id LIKE 'dlq-fail-%') EXECUTE FUNCTION refuse_spec_mentions()`);
    const failing = ['dlq-fail-1', 'dlq-fail-2', 'dlq-fail-3'].map((externalId) =>
      aMention({ externalId, source: 'spec' }),
    );
    const badUrl = { ...aMention({ externalId: 'dlq-bad-url', source: 'spec' }), url: 'not a url' };
    const badDate = { ...aMention({ externalId: 'dlq-bad-date', source: 'spec' }), createdAt: 'yesterday' };
    await queue.enqueue([
      { batchId: 'spec-failing', source: 'spec', receivedAt: Date.now(), mentions: failing },
      { batchId: 'spec-mixed', source: 'spec', receivedAt: Date.now(), mentions: [aMention(), badUrl, badDate] },
    ]);
    // A raw platform item a poll's normalizer set aside: not a mention, so not for ingestion.
    await new DeadLetterRepository(dataSource).recordRejected('poll:src-1:*:rejected:ab12', 'src-1', [
      { index: 0, reason: 'createdAt: Invalid ISO datetime', input: { id: 'raw-1' } },
    ]);

    // Five attempts with exponential backoff: about 15 s before the batch is dead-lettered.
    const rows = await waitFor(
      'the failed batch and the two bad mentions in the dead-letter table',
      async () => {
        const current = await deadLetterRows();
        return current.length === 4 ? current : undefined;
      },
      90_000,
    );
    const byBatch = (batchId: string, itemIndex: number) =>
      rows.find((row) => row.batch_id === batchId && row.item_index === itemIndex)!;
    const batchLetter = byBatch('spec-failing', -1);
    const urlLetter = byBatch('spec-mixed', 1);
    const dateLetter = byBatch('spec-mixed', 2);
    const platformLetter = byBatch('poll:src-1:*:rejected:ab12', 0);
    expect(batchLetter.reason).toMatch(/^batch failed after 5 attempts: .*mention store unavailable/);

    const listed = await dlq(['list']);
    expect(listed.code).toBe(0);
    expect(listed.lines).toEqual([
      ...rows.map((row) => ({
        id: row.id,
        batchId: row.batch_id,
        itemIndex: row.item_index,
        source: row === platformLetter ? 'src-1' : 'spec',
        reason: row.reason,
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        replayedAt: null,
      })),
      { listed: 4, matching: 4, waiting: 4 },
    ]);
    const byReason = await dlq(['list', '--reason', 'ABSOLUTE HTTP', '--limit', '10']);
    expect(byReason.lines).toEqual([
      expect.objectContaining({ id: urlLetter.id, reason: expect.stringContaining('url') }),
      { listed: 1, matching: 1, waiting: 1 },
    ]);
    expect((await dlq(['list', '--limit', '2'])).lines.at(-1)).toEqual({ listed: 2, matching: 4, waiting: 4 });

    // The causes fixed: the store takes the mentions again, and the bad date corrected by hand.
    await dataSource.query(`DROP TRIGGER refuse_spec_mentions ON mention`);
    await dataSource.query(
      `UPDATE dead_letter SET payload = jsonb_set(payload, '{createdAt}', '"2026-11-23T10:00:00.000Z"') WHERE id = $1`,
      [dateLetter.id],
    );

    const dryRun = await dlq(['replay', '--all', '--dry-run']);
    expect(dryRun.code).toBe(0);
    expect(dryRun.lines.at(-1)).toEqual({ replayed: 2, invalid: 1, skipped: 1, dryRun: true });
    expect((await deadLetterRows()).every((row) => row.replayed_at === null)).toBe(true);

    const replayed = await dlq(['replay', '--all']);
    expect(replayed.code).toBe(0);
    const expectedReports: Record<string, Line> = {
      [batchLetter.id]: { id: batchLetter.id, status: 'replayed', batchId: `dlq:${batchLetter.id}`, mentions: 3 },
      [urlLetter.id]: {
        id: urlLetter.id,
        status: 'invalid',
        reason: expect.stringContaining('url: must be an absolute'),
      },
      [dateLetter.id]: { id: dateLetter.id, status: 'replayed', batchId: `dlq:${dateLetter.id}`, mentions: 1 },
      [platformLetter.id]: {
        id: platformLetter.id,
        status: 'skipped',
        reason: expect.stringContaining('raw platform'),
      },
    };
    expect(replayed.lines).toEqual([
      ...rows.map((row) => expectedReports[row.id]),
      { replayed: 2, invalid: 1, skipped: 1 },
    ]);
    const fixedIds = [...failing.map((mention) => mention.externalId), 'dlq-bad-date'];
    await waitFor('the replayed mentions stored', async () =>
      (await storedCount(fixedIds)).rows === 4 ? true : undefined,
    );

    // Again: what was replayed is not sent twice; the invalid one is tried again and stays.
    const again = await dlq(['replay', '--all']);
    expect(again.lines.at(-1)).toEqual({ replayed: 0, invalid: 1, skipped: 1 });
    const byId = await dlq(['replay', '--id', batchLetter.id, '--id', '999999']);
    expect(byId.code).toBe(1);
    expect(byId.lines).toEqual([
      { id: batchLetter.id, status: 'skipped', reason: expect.stringMatching(/^already replayed at \d{4}-/) },
      { id: '999999', status: 'skipped', reason: 'no such dead letter' },
      { replayed: 0, invalid: 0, skipped: 2 },
    ]);
    // Even sent again on purpose, under its deterministic batch id, nothing is stored twice.
    await dataSource.query(`UPDATE dead_letter SET replayed_at = NULL WHERE id = $1`, [batchLetter.id]);
    expect((await dlq(['replay', '--id', batchLetter.id])).lines.at(-1)).toEqual({
      replayed: 1,
      invalid: 0,
      skipped: 0,
    });
    await waitFor('the ingest queue to drain', async () => ((await queue.backlog()) === 0 ? true : undefined));
    expect(await storedCount(fixedIds)).toEqual({ rows: 4, distinct: 4 });

    const after = await deadLetterRows();
    expect(after).toHaveLength(4);
    expect(after.find((row) => row.id === urlLetter.id)).toMatchObject({
      reason: expect.stringContaining('url'),
      replayed_at: null,
    });
    expect((await dlq(['list'])).lines.at(-1)).toEqual({ listed: 4, matching: 4, waiting: 2 });
  });

  it.each([
    [[], 'dlq takes: list'],
    [['replay'], 'either --id ID (once or more) or --all'],
    [['replay', '--all', '--id', '3'], 'either --id ID (once or more) or --all'],
    [['replay', '--id', 'abc'], `--id takes a dead letter's id (a number), not "abc"`],
    [['list', '--limit', '0'], '--limit must be a whole number from 1 to 10000, not "0"'],
    [['list', '--colour'], "Unknown option '--colour'"],
  ])('refuses `dlq %j` as bad usage (exit code 2), saying why', async (args, message) => {
    const { code, stderr } = await runWatchfloor(['dlq', ...args], { env });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
