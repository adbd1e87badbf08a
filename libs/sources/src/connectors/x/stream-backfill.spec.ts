import { backfillMinutes } from './stream-backfill';

describe('backfillMinutes', () => {
  const now = Date.parse('2026-11-23T09:00:00Z');

  it('asks for nothing when the stream never said anything', () => {
    expect(backfillMinutes(undefined, now)).toBeUndefined();
    expect(backfillMinutes(Number.NaN, now)).toBeUndefined();
  });

  it('rounds the gap up to whole minutes, at least one', () => {
    expect(backfillMinutes(now - 5_000, now)).toBe(1);
    expect(backfillMinutes(now - 61_000, now)).toBe(2);
    expect(backfillMinutes(now - 4 * 60_000, now)).toBe(4);
    // A clock that went backwards still recovers the last minute.
    expect(backfillMinutes(now + 30_000, now)).toBe(1);
  });

  it('never asks for more than the five minutes X replays', () => {
    expect(backfillMinutes(now - 5 * 60_000 - 1, now)).toBe(5);
    expect(backfillMinutes(now - 3 * 3_600_000, now)).toBe(5);
  });
});
