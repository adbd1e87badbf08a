import type { SpikeAlert } from './spike-detector';
import { SpikeDetector, binomialUpperTail, logGamma, poissonUpperTail } from './spike-detector';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const NOON = Date.UTC(2031, 0, 6, 12);

/** Feeds `perMinute` evenly spaced voices (a share of them negative), running `advance` every 5 s. */
function steady(
  detector: SpikeDetector,
  series: string,
  from: number,
  to: number,
  perMinute: number | ((at: number) => number),
  negativeShare = 0.25,
): SpikeAlert[] {
  const alerts: SpikeAlert[] = [];
  let due = 0;
  let negatives = 0;
  for (let at = from; at < to; at += 1_000) {
    due += (typeof perMinute === 'number' ? perMinute : perMinute(at)) / 60;
    for (; due >= 1; due--) {
      negatives += negativeShare;
      const negative = negatives >= 1 ? 1 : 0;
      negatives -= negative;
      const alert = detector.record(series, at, 1, negative);
      if (alert !== undefined) alerts.push(alert);
    }
    if (at % 5_000 === 0) alerts.push(...detector.advance(at));
  }
  return alerts;
}

function bruteForcePoisson(k: number, lambda: number): number {
  let below = 0;
  let term = Math.exp(-lambda);
  for (let j = 0; j < k; j++, term *= lambda / j) below += term;
  return 1 - below;
}

describe('tail probabilities', () => {
  it('match direct sums, in the far tail and near the mean', () => {
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 10);
    for (const [k, lambda] of [
      [20, 5],
      [3, 5],
      [100, 100],
      [8, 0.2],
    ] as const) {
      expect(poissonUpperTail(k, lambda)).toBeCloseTo(bruteForcePoisson(k, lambda), 12);
    }
    // P(X ≥ 8 | n = 10, p = 0.25) = (45 · 0.25⁸ · 0.75² + 10 · 0.25⁹ · 0.75 + 0.25¹⁰)
    expect(binomialUpperTail(8, 10, 0.25)).toBeCloseTo(0.000415802, 9);
    expect(binomialUpperTail(2, 10, 0.25)).toBeCloseTo(1 - 0.75 ** 10 - 10 * 0.25 * 0.75 ** 9, 12);
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.5)).toBe(0);
  });
});

describe('SpikeDetector', () => {
  it('does not call a handful of mentions where fewer were expected a spike', () => {
    const detector = new SpikeDetector({ coldStartMs: 0 });
    // A new issue expects 0.1 a minute: 5 voices in a minute are 50×, but fewer than the minimum volume of 6.
    const alerts = steady(detector, 'issue:quiet', NOON, NOON + MINUTE, 5);
    expect(alerts).toEqual([]);
    expect(steady(detector, 'issue:loud', NOON, NOON + MINUTE, 7)).toHaveLength(1);
  });

  it('opens a volume spike within a minute of a sixfold burst, with the evidence', () => {
    const detector = new SpikeDetector();
    steady(detector, 'query:brand', NOON - HOUR, NOON, 10);
    const [opened, ...others] = steady(detector, 'query:brand', NOON, NOON + MINUTE, 60);
    expect(others).toEqual([]);
    expect(opened).toMatchObject({ kind: 'opened', series: 'query:brand', reasons: ['volume'] });
    // At ~11 expected, p ≤ 1e-7 needs ~35 in the window: reached ~30 s into the burst.
    expect(opened!.at - NOON).toBeLessThan(60_000);
    const { observed, expected, pValue, windowMs } = opened!.evidence;
    expect(windowMs).toBeGreaterThanOrEqual(60_000);
    expect(expected).toBeCloseTo((10 * windowMs) / MINUTE, 0);
    expect(observed).toBeGreaterThanOrEqual(2 * expected);
    expect(pValue).toBeLessThanOrEqual(1e-7);
  });

  it('opens on the negative share when the volume is steady', () => {
    const detector = new SpikeDetector();
    steady(detector, 'query:brand', NOON - 2 * HOUR, NOON, 30, 0.25);
    const alerts = steady(detector, 'query:brand', NOON, NOON + 2 * MINUTE, 30, 0.9);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.reasons).toEqual(['negative-share']);
    expect(alerts[0]!.evidence.expectedNegativeShare).toBeCloseTo(0.25, 1);
    expect(alerts[0]!.evidence.negativePValue).toBeLessThanOrEqual(1e-7);
  });

  it('keeps a wobbling burst one spike, closes it after quiet, and holds a cooldown before the next', () => {
    const detector = new SpikeDetector();
    steady(detector, 'query:brand', NOON - HOUR, NOON, 10);
    // 20 minutes between 60 and 20 a minute: the dips stay above the closing threshold (1.3 × 10).
    const wobble = (at: number) => (Math.floor((at - NOON) / (2 * MINUTE)) % 2 === 0 ? 60 : 20);
    const burst = steady(detector, 'query:brand', NOON, NOON + 20 * MINUTE, wobble);
    expect(burst.map((alert) => alert.kind)).toEqual(['opened']);
    const calm = steady(detector, 'query:brand', NOON + 20 * MINUTE, NOON + 30 * MINUTE, 10);
    expect(calm.map((alert) => alert.kind)).toEqual(['closed']);
    const closedAt = calm[0]!.at;
    // Closes once below for closeAfterMs (5 min) after the window (1 min) drained.
    expect(closedAt - (NOON + 20 * MINUTE)).toBeLessThanOrEqual(7 * MINUTE);
    expect(calm[0]!.evidence.observed).toBeGreaterThanOrEqual(60);
    expect(steady(detector, 'query:brand', closedAt, closedAt + 5 * MINUTE, 60)).toEqual([]);
    steady(detector, 'query:brand', closedAt + 5 * MINUTE, closedAt + 20 * MINUTE, 10);
    const next = steady(detector, 'query:brand', closedAt + 20 * MINUTE, closedAt + 21 * MINUTE, 60);
    expect(next.map((alert) => alert.kind)).toEqual(['opened']);
  });

  it('says nothing about a series without a prior until it has been followed for the warm-up', () => {
    const detector = new SpikeDetector();
    expect(steady(detector, 'query:new', NOON, NOON + 29 * MINUTE, (at) => (at < NOON + MINUTE ? 200 : 10))).toEqual(
      [],
    );
  });

  it('lets a lasting new level become normal after maxHoldMs, and closes', () => {
    const detector = new SpikeDetector();
    steady(detector, 'query:brand', NOON - HOUR, NOON, 10);
    const alerts = steady(detector, 'query:brand', NOON, NOON + 4 * HOUR, 100);
    expect(alerts.map((alert) => alert.kind)).toEqual(['opened', 'closed']);
    expect(alerts[1]!.at - NOON).toBeGreaterThan(2 * HOUR);
    expect(detector.isOpen('query:brand')).toBe(false);
  });

  it('judges no new issue on its prior in the first minutes of listening: what is under way already looks new', () => {
    const detector = new SpikeDetector();
    expect(steady(detector, 'issue:under-way', NOON, NOON + 5 * MINUTE, 40)).toEqual([]);
    steady(detector, 'query:brand', NOON + 5 * MINUTE, NOON + 11 * MINUTE, 10);
    // Past the first ten minutes, an issue that shows up is new indeed.
    expect(steady(detector, 'issue:new', NOON + 11 * MINUTE, NOON + 12 * MINUTE, 20)).toHaveLength(1);
    expect(detector.isOpen('issue:under-way')).toBe(false);
  });

  it('forgets a series on request', () => {
    const detector = new SpikeDetector({ coldStartMs: 0 });
    steady(detector, 'issue:gone', NOON, NOON + MINUTE, 20);
    expect(detector.isOpen('issue:gone')).toBe(true);
    detector.forget('issue:gone');
    expect(detector.isOpen('issue:gone')).toBe(false);
    expect(detector.baseline.has('issue:gone')).toBe(false);
  });
});
