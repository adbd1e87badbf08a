import { RecentIds } from './recent-ids';

describe('recent ids', () => {
  it('forgets the oldest past its capacity, and an id seen again becomes the newest', () => {
    const ids = new RecentIds(2, ['a', 'b']);
    ids.add('a');
    ids.add('c');
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([true, false, true]);
    expect(ids.size).toBe(2);
  });

  it('hands back its newest ids, oldest first, to be stored and restored', () => {
    const ids = new RecentIds(10, ['1', '2', '3', '4']);
    expect(ids.newest(2)).toEqual(['3', '4']);
    expect(new RecentIds(10, ids.newest(2)).has('3')).toBe(true);
    expect(ids.newest(99)).toEqual(['1', '2', '3', '4']);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RecentIds(0)).toThrow(/positive integer/);
  });
});
