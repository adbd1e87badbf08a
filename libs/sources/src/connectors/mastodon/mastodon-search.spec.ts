import type { PlatformResponse } from '../platform-http';
import { readSearch } from './mastodon-search';

/** Search results newest first, as Mastodon 4.2+ gives them, with `min_id` as a lower bound. */
function searchOver(ids: () => number[]) {
  const asked: Record<string, string>[] = [];
  const search = (params: [string, string][]): Promise<PlatformResponse<unknown>> => {
    const query = Object.fromEntries(params);
    asked.push(query);
    const offset = Number(query['offset']);
    const limit = Number(query['limit']);
    const minId = query['min_id'] === undefined ? 0 : Number(query['min_id']);
    const statuses = ids()
      .filter((id) => id > minId)
      .sort((a, b) => b - a)
      .slice(offset, offset + limit)
      .map((id) => ({ id: String(id) }));
    return Promise.resolve({
      body: { accounts: [], statuses, hashtags: [] },
      headers: new Headers(),
      rateLimit: undefined,
    });
  };
  return { search, asked };
}

const idsOf = (statuses: unknown[]) => statuses.map((status) => Number((status as { id: string }).id));

describe('readSearch', () => {
  it('starts an empty search from before any id, so everything it finds later is new', async () => {
    const { search } = searchOver(() => []);
    const result = await readSearch(search, undefined, 100);
    expect(result.cursor).toEqual({ highWater: '0' });
  });

  it('reads newest first by offset down to the high-water mark, asking with min_id', async () => {
    const { search, asked } = searchOver(() => Array.from({ length: 90 }, (_, index) => index + 1));
    const result = await readSearch(search, { highWater: '5' }, 1_000);
    expect(idsOf(result.statuses)).toEqual(Array.from({ length: 85 }, (_, index) => 90 - index));
    expect(asked.map((query) => [query['offset'], query['min_id']])).toEqual([
      ['0', '5'],
      ['40', '5'],
      ['80', '5'],
    ]);
    expect(result).toMatchObject({ reads: 85, truncated: false, cursor: { highWater: '90' } });
  });

  it('resumes a truncated search without taking twice what newer posts pushed down the list', async () => {
    let count = 60;
    const { search } = searchOver(() => Array.from({ length: count }, (_, index) => index + 1));
    const first = await readSearch(search, { highWater: '0' }, 20);
    expect(first).toMatchObject({ reads: 20, truncated: true });
    count = 63;
    const rest = await readSearch(search, first.cursor, 1_000);
    const taken = [...idsOf(first.statuses), ...idsOf(rest.statuses)];
    expect(taken.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(rest.cursor).toEqual({ highWater: '60' });
    const newer = await readSearch(search, rest.cursor, 1_000);
    expect(idsOf(newer.statuses)).toEqual([63, 62, 61]);
  });
});
