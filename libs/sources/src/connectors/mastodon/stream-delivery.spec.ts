import type { Mention } from '@watchfloor/domain';
import type { NormalizedBatch } from '../../normalizers/normalized-batch';
import { StreamDelivery } from './stream-delivery';
import type { MastodonStreamCursor } from './stream-delivery';

function aMention(id: string): Mention {
  return {
    platform: 'mastodon',
    externalId: id,
    source: 'mastodon',
    url: `https://mastodon.social/@dana/${id}`,
    text: `status ${id}`,
    createdAt: '2026-11-23T09:00:00.000Z',
    author: { handle: 'dana' },
    raw: { id },
  };
}

const batchOf = (...ids: string[]): NormalizedBatch => ({ mentions: ids.map(aMention), rejected: [] });

describe('StreamDelivery', () => {
  it('hands each status on once, whichever stream brings it, with the newest id per stream', async () => {
    const handed: [string[], MastodonStreamCursor][] = [];
    const delivery = new StreamDelivery({ newestIdByStream: { 'hashtag:a': '5' } }, (batch, cursor) => {
      handed.push([batch.mentions.map((mention) => mention.externalId), cursor]);
      return Promise.resolve();
    });
    await delivery.deliver('hashtag:a', batchOf('6', '7'));
    await delivery.deliver('hashtag:b', batchOf('7', '8', '8'));
    await delivery.deliver('hashtag:b', batchOf('6'));

    expect(handed).toEqual([
      [['6', '7'], { newestIdByStream: { 'hashtag:a': '7' } }],
      [['8'], { newestIdByStream: { 'hashtag:a': '7', 'hashtag:b': '8' } }],
    ]);
    expect(delivery.positionOf('hashtag:b')).toBe('8');
  });

  it('never calls onItems twice at once, and a cursor never counts a batch not yet handed on', async () => {
    let busy = 0;
    let overlapped = false;
    const cursors: MastodonStreamCursor[] = [];
    const delivery = new StreamDelivery(null, async (_batch, cursor) => {
      overlapped ||= busy > 0;
      busy++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      cursors.push(cursor);
      busy--;
    });
    await Promise.all([delivery.deliver('a', batchOf('1')), delivery.deliver('b', batchOf('2'))]);
    expect(overlapped).toBe(false);
    expect(cursors).toEqual([{ newestIdByStream: { a: '1' } }, { newestIdByStream: { a: '1', b: '2' } }]);
  });

  it('keeps the position and forgets the statuses when handing on fails, so a catch-up brings them again', async () => {
    let fail = true;
    const handed: string[] = [];
    const delivery = new StreamDelivery(null, (batch) => {
      if (fail) return Promise.reject(new Error('queue down'));
      handed.push(...batch.mentions.map((mention) => mention.externalId));
      return Promise.resolve();
    });
    await expect(delivery.deliver('a', batchOf('1'))).rejects.toThrow('queue down');
    expect(delivery.positionOf('a')).toBeUndefined();
    fail = false;
    await delivery.deliver('a', batchOf('1'));
    expect(handed).toEqual(['1']);
  });

  it('moves a position without a call when a batch carries nothing new', async () => {
    const onItems = jest.fn(() => Promise.resolve());
    const delivery = new StreamDelivery(null, onItems);
    await delivery.deliver('a', { mentions: [], rejected: [] }, '42');
    expect(onItems).not.toHaveBeenCalled();
    expect(delivery.positionOf('a')).toBe('42');
  });
});
