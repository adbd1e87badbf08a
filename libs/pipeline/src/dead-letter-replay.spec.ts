import type { IngestBatchJob } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { DeadLetterReplayer, planDeadLetterReplay } from './dead-letter-replay';
import type { ReplayableDeadLetter } from './dead-letter-replay';

const NOW = Date.parse('2026-11-24T09:00:00.000Z');

function aDeadLetter(overrides: Partial<ReplayableDeadLetter> = {}): ReplayableDeadLetter {
  return {
    id: '7',
    batchId: 'spec:run:0',
    itemIndex: 1,
    source: 'spec',
    payload: aMention(),
    replayedAt: null,
    ...overrides,
  };
}

describe('planDeadLetterReplay', () => {
  it('sends a mention that now passes validation back alone, under a batch id of its dead letter', () => {
    const mention = aMention();
    expect(planDeadLetterReplay(aDeadLetter({ payload: mention }), NOW)).toEqual({
      action: 'replay',
      batch: { batchId: 'dlq:7', source: 'spec', receivedAt: NOW, mentions: [mention] },
    });
  });

  it('keeps a mention that still fails validation, with the reason it fails now', () => {
    const plan = planDeadLetterReplay(aDeadLetter({ payload: { ...aMention(), url: 'not a url' } }), NOW);
    expect(plan).toEqual({ action: 'invalid', reason: expect.stringContaining('url') });
  });

  it('sends a failed batch back whole, bad mentions and all, for ingestion to sort', () => {
    const mentions = [aMention(), { text: 'no platform' }];
    const job: IngestBatchJob = { batchId: 'spec:run:3', source: 'demo', receivedAt: 1, mentions };
    expect(planDeadLetterReplay(aDeadLetter({ itemIndex: -1, payload: job }), NOW)).toEqual({
      action: 'replay',
      batch: { batchId: 'dlq:7', source: 'demo', receivedAt: NOW, mentions },
    });
  });

  it('calls a whole-batch dead letter invalid when its payload is not an ingest job', () => {
    expect(planDeadLetterReplay(aDeadLetter({ itemIndex: -1, payload: { source: 'x', mentions: [] } }), NOW)).toEqual({
      action: 'invalid',
      reason: 'not an ingest batch: "mentions" must be a non-empty array',
    });
    expect(planDeadLetterReplay(aDeadLetter({ itemIndex: -1, payload: 'text' }), NOW)).toMatchObject({
      action: 'invalid',
    });
  });

  it('skips what was replayed already and raw platform items a source set aside', () => {
    expect(planDeadLetterReplay(aDeadLetter({ replayedAt: '2026-11-24T08:00:00.000Z' }), NOW)).toEqual({
      action: 'skip',
      reason: 'already replayed at 2026-11-24T08:00:00.000Z',
    });
    for (const batchId of ['poll:src-1:*:rejected:ab12', 'stream:src-1:rejected:1764000000000']) {
      expect(planDeadLetterReplay(aDeadLetter({ batchId, itemIndex: 0 }), NOW)).toMatchObject({ action: 'skip' });
    }
    // An ingest batch of a source whose name happens to contain the word is still a mention.
    expect(planDeadLetterReplay(aDeadLetter({ batchId: 'rejected:run:0' }), NOW)).toMatchObject({
      action: 'replay',
    });
  });
});

describe('DeadLetterReplayer', () => {
  function replayer(dryRun: boolean) {
    const calls = {
      enqueued: [] as IngestBatchJob[],
      marked: [] as string[],
      kept: [] as [string, string][],
    };
    const instance = new DeadLetterReplayer({
      dryRun,
      now: () => NOW,
      ingest: {
        enqueue: (batches) => {
          calls.enqueued.push(...batches);
          return Promise.resolve();
        },
      },
      ledger: {
        markReplayed: (ids) => {
          calls.marked.push(...ids);
          return Promise.resolve();
        },
        keepWithReason: (id, reason) => {
          calls.kept.push([id, reason]);
          return Promise.resolve();
        },
      },
    });
    return { instance, calls };
  }

  const letters = [
    aDeadLetter({ id: '1' }),
    aDeadLetter({ id: '2', payload: { ...aMention(), url: 'not a url' } }),
    aDeadLetter({ id: '3', replayedAt: '2026-11-24T08:00:00.000Z' }),
  ];

  it('queues what can go back, stamps it replayed, and keeps the invalid with its new reason', async () => {
    const { instance, calls } = replayer(false);
    const reports = await instance.replay(letters);
    expect(reports).toEqual([
      { id: '1', status: 'replayed', batchId: 'dlq:1', mentions: 1 },
      { id: '2', status: 'invalid', reason: expect.stringContaining('url') },
      { id: '3', status: 'skipped', reason: expect.stringContaining('already replayed') },
    ]);
    expect(calls.enqueued.map((batch) => batch.batchId)).toEqual(['dlq:1']);
    expect(calls.marked).toEqual(['1']);
    expect(calls.kept).toEqual([['2', expect.stringContaining('url')]]);
  });

  it('changes nothing on a dry run, and reports the same', async () => {
    const { instance, calls } = replayer(true);
    const reports = await instance.replay(letters);
    expect(reports.map((report) => report.status)).toEqual(['replayed', 'invalid', 'skipped']);
    expect(calls).toEqual({ enqueued: [], marked: [], kept: [] });
  });

  it('stamps nothing when the queue refuses the batches', async () => {
    const marked: string[] = [];
    const failing = new DeadLetterReplayer({
      dryRun: false,
      now: () => NOW,
      ingest: { enqueue: () => Promise.reject(new Error('Redis is down')) },
      ledger: {
        markReplayed: (ids) => {
          marked.push(...ids);
          return Promise.resolve();
        },
        keepWithReason: () => Promise.resolve(),
      },
    });
    await expect(failing.replay([aDeadLetter()])).rejects.toThrow('Redis is down');
    expect(marked).toEqual([]);
  });
});
