import { MentionBatcher } from './mention-batcher';
import type { OutgoingBatch } from './mention-batcher';

function collectingBatcher(maxSize: number, maxWaitMs = 10_000) {
  const sent: OutgoingBatch[] = [];
  const errors: unknown[] = [];
  const batcher = new MentionBatcher({
    source: 'test',
    sink: (batches) => {
      sent.push(...batches);
      return Promise.resolve();
    },
    maxSize,
    maxWaitMs,
    onError: (error) => errors.push(error),
  });
  return { batcher, sent, errors };
}

describe('MentionBatcher', () => {
  it('sends full batches as soon as they fill, in order, with distinct ids', async () => {
    const { batcher, sent } = collectingBatcher(3);
    for (let index = 0; index < 7; index++) await batcher.push(index);
    expect(sent.map((batch) => batch.mentions)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    await batcher.flush();
    expect(sent.map((batch) => batch.mentions)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(new Set(sent.map((batch) => batch.batchId)).size).toBe(3);
  });

  it('sends a partial batch once its oldest mention has waited long enough', async () => {
    const { batcher, sent } = collectingBatcher(100, 20);
    await batcher.push('lonely');
    expect(sent).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent.map((batch) => batch.mentions)).toEqual([['lonely']]);
  });

  it('reports a failed hand-over to the caller and still sends later batches', async () => {
    let fail = true;
    const sent: unknown[][] = [];
    const batcher = new MentionBatcher({
      source: 'test',
      sink: (batches) => {
        if (fail) return Promise.reject(new Error('redis down'));
        sent.push(...batches.map((batch) => batch.mentions));
        return Promise.resolve();
      },
      maxSize: 1,
      maxWaitMs: 10_000,
      onError: () => undefined,
    });
    await expect(batcher.push('a')).rejects.toThrow('redis down');
    fail = false;
    await batcher.push('b');
    expect(sent).toEqual([['b']]);
  });
});
