import { SeasonalBaseline } from './seasonal-baseline';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** A simulated Monday far from the wall clock: the baseline must never look at Date.now(). */
const MONDAY = Date.UTC(2031, 0, 6);

/** Mentions per minute by hour: 6 at night, 60 by day, a ramp between. */
function diurnalPerMinute(at: number): number {
  const hour = (at % DAY) / HOUR;
  if (hour < 6) return 6;
  if (hour < 10) return 6 + ((hour - 6) / 4) * 54;
  if (hour < 20) return 60;
  return 60 - ((hour - 20) / 4) * 54;
}

/** Feeds exactly the expected count every 10 s (no noise), so the learned values can be checked tightly. */
function feed(baseline: SeasonalBaseline, key: string, from: number, to: number, perMinute: (at: number) => number) {
  let carry = 0;
  for (let at = from; at < to; at += 10_000) {
    carry += perMinute(at) / 6;
    const count = Math.floor(carry);
    carry -= count;
    if (count > 0) baseline.add(key, at, count, Math.round(count / 4));
  }
}

describe('SeasonalBaseline', () => {
  it('learns the time of day: after two days it expects the night trickle at 03:00 and the day volume at 13:00', () => {
    const baseline = new SeasonalBaseline();
    const third = MONDAY + 2 * DAY;
    let fedUntil = MONDAY;
    const expectedAt = (hour: number) => {
      feed(baseline, 'query:brand', fedUntil, (fedUntil = third + hour * HOUR), diurnalPerMinute);
      return baseline.expectedPerMinute('query:brand', fedUntil)!;
    };
    expect(expectedAt(3)).toBeCloseTo(6, 0);
    // Between hour midpoints the profile is interpolated, so the morning ramp is not a staircase.
    expect(Math.abs(expectedAt(8) - diurnalPerMinute(third + 8 * HOUR))).toBeLessThan(1);
    expect(expectedAt(13)).toBeCloseTo(60, 0);
    expect(baseline.read('query:brand', third + 13 * HOUR)?.seasonal).toBe(true);
  });

  it('falls back to the recent level before an hour of the day has been learned', () => {
    const baseline = new SeasonalBaseline();
    feed(baseline, 'query:new', MONDAY + 10 * HOUR + 5 * MINUTE, MONDAY + 11 * HOUR + 30 * MINUTE, () => 30);
    const reading = baseline.read('query:new', MONDAY + 11 * HOUR + 30 * MINUTE)!;
    expect(reading.seasonal).toBe(false);
    expect(baseline.expectedPerMinute('query:new', MONDAY + 11 * HOUR + 30 * MINUTE)).toBeCloseTo(30, 0);
    // The hour from 11:00 to 12:00 was watched whole and is learned once it ends; 10:00 was not.
    feed(baseline, 'query:new', MONDAY + 11 * HOUR + 30 * MINUTE, MONDAY + 12 * HOUR + 10_000, () => 30);
    expect(baseline.read('query:new', MONDAY + DAY + 11 * HOUR + 30 * MINUTE)?.seasonal).toBe(true);
  });

  it('follows a busier day through the level ratio within the hour', () => {
    const baseline = new SeasonalBaseline();
    feed(baseline, 'query:brand', MONDAY, MONDAY + 2 * DAY, diurnalPerMinute);
    const busy = MONDAY + 2 * DAY;
    feed(baseline, 'query:brand', busy, busy + 12 * HOUR, (at) => 1.5 * diurnalPerMinute(at));
    expect(baseline.expectedPerMinute('query:brand', busy + 12 * HOUR)! / 60).toBeGreaterThan(1.35);
  });

  it('counts the last minute, with late mentions in the bucket under way', () => {
    const baseline = new SeasonalBaseline();
    const now = MONDAY + 10 * HOUR;
    for (let second = 0; second < 120; second++) baseline.add('issue:a', now + second * 1_000, 1, second % 2);
    baseline.add('issue:a', now, 5, 5); // arrives late, stamped two minutes ago
    const reading = baseline.read('issue:a', now + 120_000)!;
    // The window is six closed 10 s buckets plus the bucket under way (empty at its start).
    expect(reading.windowMs).toBe(60_000);
    expect(reading.observed).toBe(60 + 5);
    expect(reading.negatives).toBe(30 + 5);
  });

  it('learns nothing while held, so a crisis does not become the next normal', () => {
    const baseline = new SeasonalBaseline();
    feed(baseline, 'query:brand', MONDAY, MONDAY + 2 * DAY, diurnalPerMinute);
    const crisisDay = MONDAY + 2 * DAY;
    feed(baseline, 'query:brand', crisisDay, crisisDay + 13 * HOUR, diurnalPerMinute);
    baseline.hold('query:brand', true);
    feed(baseline, 'query:brand', crisisDay + 13 * HOUR, crisisDay + 14 * HOUR, () => 600);
    baseline.hold('query:brand', false);
    feed(baseline, 'query:brand', crisisDay + 14 * HOUR, crisisDay + 14 * HOUR + 10 * MINUTE, diurnalPerMinute);
    // Neither the level (right after) nor the profile (13:00 the next day) learned the 600 a minute.
    expect(baseline.expectedPerMinute('query:brand', crisisDay + 14 * HOUR + 10 * MINUTE)).toBeCloseTo(60, 0);
    feed(baseline, 'query:brand', crisisDay + 14 * HOUR + 10 * MINUTE, crisisDay + DAY + 13.5 * HOUR, diurnalPerMinute);
    expect(baseline.expectedPerMinute('query:brand', crisisDay + DAY + 13.5 * HOUR)).toBeCloseTo(60, 0);
  });

  it('starts a series with a prior when given one, and with nothing to go on otherwise', () => {
    const baseline = new SeasonalBaseline();
    baseline.add('issue:fresh', MONDAY, 1, 1, 0.5);
    baseline.add('query:fresh', MONDAY, 1, 1);
    expect(baseline.expectedPerMinute('issue:fresh', MONDAY)).toBeCloseTo(0.5, 5);
    expect(baseline.read('issue:fresh', MONDAY)?.hasPrior).toBe(true);
    expect(baseline.read('query:fresh', MONDAY)?.hasPrior).toBe(false);
  });

  it('keeps the negative share of recent hours as its baseline', () => {
    const baseline = new SeasonalBaseline();
    for (let at = MONDAY; at < MONDAY + 6 * HOUR; at += 10_000) baseline.add('query:brand', at, 10, 2);
    expect(baseline.read('query:brand', MONDAY + 6 * HOUR)?.expectedNegativeShare).toBeCloseTo(0.2, 2);
  });

  it('forgets the least recently used series beyond its cap', () => {
    const baseline = new SeasonalBaseline({ maxSeries: 3 });
    ['a', 'b', 'c'].forEach((key, index) => baseline.add(key, MONDAY + index * MINUTE, 1, 0));
    baseline.add('a', MONDAY + 5 * MINUTE, 1, 0);
    baseline.add('d', MONDAY + 6 * MINUTE, 1, 0);
    expect(['a', 'b', 'c', 'd'].map((key) => baseline.has(key))).toEqual([true, false, true, true]);
    expect(baseline.size).toBe(3);
  });
});
