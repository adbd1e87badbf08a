import { RecentIdSet } from './recent-id-set';

describe('RecentIdSet', () => {
  it('forgets the oldest id once over capacity', () => {
    const ids = new RecentIdSet(2);
    ids.add('a');
    ids.add('b');
    ids.add('c');
    expect([ids.has('a'), ids.has('b'), ids.has('c'), ids.size]).toEqual([false, true, true, 2]);
  });

  it('counts an id seen again as recent', () => {
    const ids = new RecentIdSet(2);
    ids.add('a');
    ids.add('b');
    ids.add('a');
    ids.add('c');
    expect([ids.has('a'), ids.has('b')]).toEqual([true, false]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RecentIdSet(0)).toThrow(/positive integer/);
  });
});
