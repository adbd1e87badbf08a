import type { DataSource } from 'typeorm';
import { aScoredMention } from '@watchfloor/domain/testing';
import { DeadLetterRepository, MentionRepository, createDataSource } from '@watchfloor/persistence';
import { createTestDatabase } from '../../../test/support/test-services';

describe('MentionRepository (PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let mentions: MentionRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 4 }).initialize();
    mentions = new MentionRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stores a batch once, however often it is sent, with the raw payload', async () => {
    const batch = [aScoredMention({ raw: { id: 'r1', nested: { a: [1, 2] } } }), aScoredMention()];
    const first = await mentions.storeBatch('batch-a', batch, false);
    const again = await mentions.storeBatch('batch-b', batch, false);
    expect(first.map((mention) => mention.externalId)).toEqual(batch.map((mention) => mention.externalId));
    expect(again).toEqual([]);
    const [row] = await dataSource.query('SELECT raw FROM mention WHERE external_id = $1', [batch[0]!.externalId]);
    expect(row.raw).toEqual({ id: 'r1', nested: { a: [1, 2] } });
  });

  it('returns to a retried batch what its dead attempt stored, and nothing another batch owns', async () => {
    const owned = aScoredMention();
    const foreign = aScoredMention();
    await mentions.storeBatch('other-batch', [foreign], false);
    await mentions.storeBatch('crashed-batch', [owned], false);
    const retried = await mentions.storeBatch(
      'crashed-batch',
      [owned, foreign, aScoredMention({ externalId: 'late' })],
      true,
    );
    expect(retried.map((mention) => mention.externalId).sort()).toEqual([owned.externalId, 'late'].sort());
  });

  it('counts stored mentions into per-minute volume by sentiment, once, posts it cannot read apart', async () => {
    const ingestedAt = Date.parse('2026-01-01T08:15:30Z');
    const batch = [
      aScoredMention({ ingestedAt, sentiment: { label: 'negative', score: -0.5, confidence: 0.9 } }),
      aScoredMention({ ingestedAt, sentiment: { label: 'negative', score: -0.7, confidence: 0.9 } }),
      aScoredMention({ ingestedAt, sentiment: { label: 'positive', score: 0.6, confidence: 0.9 } }),
      aScoredMention({ ingestedAt, lang: 'ja', sentiment: { label: 'unsupported', score: 0, confidence: 0 } }),
    ];
    await mentions.storeBatch('volume-batch', batch, false);
    await mentions.storeBatch('volume-batch', batch, true);
    const volume = await mentions.volumeByMinute(3, new Date('2026-01-01T08:16:10Z'));
    expect(volume.map((minute) => minute.minute)).toEqual([
      '2026-01-01T08:14:00.000Z',
      '2026-01-01T08:15:00.000Z',
      '2026-01-01T08:16:00.000Z',
    ]);
    expect(volume[1]).toEqual({
      minute: '2026-01-01T08:15:00.000Z',
      positive: 1,
      neutral: 0,
      negative: 2,
      unsupported: 1,
      // The mean is of what was read: the unsupported post is volume, not a neutral vote.
      meanScore: -0.2,
    });
    expect(volume[0]!.positive + volume[0]!.negative + volume[0]!.neutral).toBe(0);
  });

  it('stores payloads PostgreSQL jsonb would refuse, repaired instead of failing the batch', async () => {
    const mention = aScoredMention({ raw: { text: 'nul \u0000 and lone \ud800 surrogate' } });
    const stored = await mentions.storeBatch('odd-payload', [mention, aScoredMention()], false);
    expect(stored).toHaveLength(2);
    const [row] = await dataSource.query('SELECT raw FROM mention WHERE external_id = $1', [mention.externalId]);
    expect(row.raw.text).toBe('nul \uFFFD and lone \uFFFD surrogate');
  });

  it('lists the newest mentions first', async () => {
    const older = aScoredMention({ ingestedAt: Date.now() + 60_000 });
    const newer = aScoredMention({ ingestedAt: Date.now() + 120_000 });
    await mentions.storeBatch('recent', [older, newer], false);
    const recent = await mentions.findRecent(2);
    expect(recent.map((mention) => mention.externalId)).toEqual([newer.externalId, older.externalId]);
  });

  it('dead-letters each rejected item once per batch', async () => {
    const deadLetters = new DeadLetterRepository(dataSource);
    const rejected = [{ index: 3, reason: 'url: must be an absolute http(s) URL', input: { url: '/x' } }];
    await deadLetters.recordRejected('dl-batch', 'test', rejected);
    await deadLetters.recordRejected('dl-batch', 'test', rejected);
    expect(await deadLetters.findByBatch('dl-batch')).toEqual([
      expect.objectContaining({ itemIndex: 3, reason: rejected[0]!.reason, payload: { url: '/x' } }),
    ]);
  });
});
