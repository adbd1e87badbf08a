import { SourceHttpError } from '../source-http-error';
import { BEFORE_ANY_ID, drainFromMinId } from './min-id-pager';
import type { ForwardDrain } from './min-id-pager';

/** A feed with ids 1..count, paged as Mastodon pages with `min_id` (newest first in each page). */
function feed(count: number, overrides: Partial<ForwardDrain<{ id: string }>> = {}) {
  const all = Array.from({ length: count }, (_, index) => ({ id: String(index + 1) }));
  const asked: (string | undefined)[] = [];
  const drain: ForwardDrain<{ id: string }> = {
    pageSize: 10,
    maxReads: 1_000,
    idOf: (item) => item.id,
    fetchPage: (minId, limit) => {
      asked.push(minId);
      const newer =
        minId === undefined ? all.slice(-limit) : all.filter((item) => Number(item.id) > Number(minId)).slice(0, limit);
      return Promise.resolve({ items: newer.reverse() });
    },
    ...overrides,
  };
  return { drain, asked };
}

describe('drainFromMinId', () => {
  it('takes only the newest page on the first poll ever', async () => {
    const { drain, asked } = feed(25);
    const result = await drainFromMinId(undefined, drain);
    expect(result).toMatchObject({ reads: 10, newestId: '25', truncated: false });
    expect(asked).toEqual([undefined]);
  });

  it('resumes an empty first poll from before any id, so what comes next is read in full', async () => {
    const result = await drainFromMinId(undefined, feed(0).drain);
    expect(result).toMatchObject({ reads: 0, newestId: BEFORE_ANY_ID, truncated: false });
  });

  it('pages forward from min_id until a page comes back short', async () => {
    const { drain, asked } = feed(30);
    const result = await drainFromMinId('5', drain);
    expect(result.items.map((item) => Number(item.id)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, index) => index + 6),
    );
    expect(asked).toEqual(['5', '15', '25']);
    expect(result).toMatchObject({ newestId: '30', reads: 25, truncated: false });
  });

  it('stops at maxReads, asking no more than the budget, with a resume point that loses nothing', async () => {
    const { drain } = feed(30, { maxReads: 14 });
    const result = await drainFromMinId('0', drain);
    expect(result).toMatchObject({ reads: 14, newestId: '14', truncated: true });
    const rest = await drainFromMinId(result.newestId, feed(30).drain);
    expect(rest.items.map((item) => item.id)).toContain('15');
    expect(rest.reads).toBe(16);
  });

  it('compares ids as numbers of any length: a longer id is newer', async () => {
    const items = [{ id: '9' }, { id: '10' }, { id: '100000000000000000001' }];
    const result = await drainFromMinId('8', {
      pageSize: 10,
      maxReads: 10,
      idOf: (item) => item.id,
      fetchPage: () => Promise.resolve({ items }),
    });
    expect(result.newestId).toBe('100000000000000000001');
  });

  it('drops items at or below the resume point, in case a server ignores min_id', async () => {
    const result = await drainFromMinId('5', {
      pageSize: 10,
      maxReads: 10,
      idOf: (item: { id: string }) => item.id,
      fetchPage: () => Promise.resolve({ items: [{ id: '6' }, { id: '5' }, { id: '4' }] }),
    });
    expect(result.items).toEqual([{ id: '6' }]);
    expect(result.reads).toBe(3);
  });

  it('throws an error on the first page, and keeps what earlier pages read when a later one fails', async () => {
    const limited = new SourceHttpError(429, 1_000, 'rate limited', { remaining: 0, resetAt: 1 });
    await expect(drainFromMinId('0', feed(30, { fetchPage: () => Promise.reject(limited) }).drain)).rejects.toBe(
      limited,
    );

    const working = feed(30).drain;
    let calls = 0;
    const result = await drainFromMinId('0', {
      ...working,
      fetchPage: (minId, limit) => (++calls === 2 ? Promise.reject(limited) : working.fetchPage(minId, limit)),
    });
    expect(result).toMatchObject({ reads: 10, newestId: '10', truncated: true, stoppedBy: limited });
    expect(result.rateLimit).toEqual({ remaining: 0, resetAt: 1 });
  });

  it('stops when a full page moves nothing forward instead of asking for it again', async () => {
    const fetchPage = jest.fn(() => Promise.resolve({ items: [{ id: 'x' }, { id: 'y' }] }));
    const result = await drainFromMinId('5', { pageSize: 2, maxReads: 100, idOf: () => undefined, fetchPage });
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ newestId: '5', truncated: false });
  });
});
