import type { SeasonalBaselineOptions, WindowReading } from './seasonal-baseline';
import { SeasonalBaseline } from './seasonal-baseline';

export type SpikeReason = 'volume' | 'negative-share';

export interface SpikeEvidence {
  windowMs: number;
  /** New voices in the window (echoes already collapsed by the caller). */
  observed: number;
  expected: number;
  /** P(X ≥ observed) for X ~ Poisson(expected). */
  pValue: number;
  negatives: number;
  negativeShare: number;
  expectedNegativeShare: number;
  /** P(X ≥ negatives) for X ~ Binomial(observed, expectedNegativeShare). */
  negativePValue: number;
  /** False when the expectation is a cold-start level, not the learned time-of-day profile. */
  seasonal: boolean;
}

export interface SpikeAlert {
  kind: 'opened' | 'closed';
  /** `<series>@<openedAt>`: the same replay yields the same ids. */
  id: string;
  series: string;
  at: number;
  openedAt: number;
  reasons: SpikeReason[];
  /** On opening, the window that tripped the test; on closing, the highest window of the spike. */
  evidence: SpikeEvidence;
}

export interface SpikeDetectorOptions {
  /**
   * Opening significance. Tested on every count, a scan over sliding windows: at 1e-6 one issue
   * series of a simulated normal day went through (8 voices against 0.67 expected, p = 5.8e-7);
   * at 1e-7 eleven normal days raised nothing, and a sixfold burst still opens within a minute.
   */
  alpha: number;
  /** Observed must be at least this multiple of expected: at 1,000 a minute a 10 % baseline error is 3σ. */
  minRatio: number;
  /**
   * Voices in the window before anything is a spike: 2 instead of 0.3 is not news. At the new-issue
   * prior p ≤ 1e-7 needs 6 anyway; 8 delayed the slowest replayed crisis (a data breach at 08:00) by 7 s.
   */
  minVolume: number;
  negativeAlpha: number;
  /**
   * Negative share must exceed its baseline by this much (absolute: 25 % → 50 %), with this many
   * negatives: together with the binomial test, no normal simulated day tripped it.
   */
  minNegativeLift: number;
  minNegatives: number;
  /**
   * A spike stays open while the window is above `closeRatio` × expected (and minVolume / 2), and
   * closes once below for `closeAfterMs`: the replayed landing swings between 3.5× and 7× for 30
   * minutes and stays one spike per series (4 alert events per crisis).
   */
  closeRatio: number;
  closeAfterMs: number;
  /** No new spike on a series this soon after its last one closed. */
  cooldownMs: number;
  /** A spike this old lets the baseline learn again, so a lasting new level becomes normal. */
  maxHoldMs: number;
  /** A series without a prior is not judged until it has been followed this long. */
  warmUpMs: number;
  /**
   * A series first seen this soon after the detector started listening is not judged on its
   * prior: at start-up every conversation already under way looks new, so a restart (or the first
   * minutes of a system) would otherwise raise each of them as a spike. It learns like a series
   * without a prior instead.
   */
  coldStartMs: number;
  /** Expected never drops below this (per minute): a profile of zero would make one mention "infinitely" unlikely. */
  minExpectedPerMinute: number;
  /**
   * Prior rate for a new series (per minute), or undefined to learn first. A new issue is expected
   * to be a slow burn, one voice in 10 minutes; at 0.2 detection took a voice more. For a brand
   * with thousands of mentions a minute, raise it: six voices a minute are then background.
   */
  priorPerMinute: (series: string) => number | undefined;
  baseline: Partial<SeasonalBaselineOptions>;
}

export const DEFAULT_SPIKE_OPTIONS: SpikeDetectorOptions = {
  alpha: 1e-7,
  minRatio: 2,
  minVolume: 6,
  negativeAlpha: 1e-7,
  minNegativeLift: 0.25,
  minNegatives: 8,
  closeRatio: 1.3,
  closeAfterMs: 5 * 60_000,
  cooldownMs: 15 * 60_000,
  maxHoldMs: 2 * 3_600_000,
  warmUpMs: 30 * 60_000,
  coldStartMs: 10 * 60_000,
  minExpectedPerMinute: 0.1,
  priorPerMinute: (series) => (series.startsWith('issue:') ? 0.1 : undefined),
  baseline: {},
};

interface SpikeState {
  openedAt: number;
  reasons: SpikeReason[];
  peak: SpikeEvidence;
  belowSince: number | undefined;
  closedAt: number | undefined;
}

/**
 * Decides spikes per series from counts of new voices and negatives. Opening is tested on every
 * count (cheap gates first, the tail probability only when they pass), so detection waits for
 * evidence, not for a bucket to close; closing is checked in `advance`, which the caller runs
 * every few seconds of its clock. Hysteresis and cooldown keep a wobbling burst one spike.
 */
export class SpikeDetector {
  readonly options: SpikeDetectorOptions;
  readonly baseline: SeasonalBaseline;
  /** Open spikes and series in cooldown: a handful at any time. */
  private readonly spikes = new Map<string, SpikeState>();
  private listeningSince: number | undefined;

  constructor(options: Partial<SpikeDetectorOptions> = {}) {
    this.options = { ...DEFAULT_SPIKE_OPTIONS, ...options };
    this.baseline = new SeasonalBaseline(this.options.baseline);
  }

  /** Adds `voices` new voices (of which `negatives` negative) at `at`; returns an alert if a spike opens. */
  record(series: string, at: number, voices: number, negatives: number): SpikeAlert | undefined {
    this.listeningSince ??= at;
    this.baseline.add(series, at, voices, negatives, this.options.priorPerMinute(series));
    const state = this.spikes.get(series);
    if (state !== undefined && state.closedAt === undefined) return undefined;
    if (state?.closedAt !== undefined && at - state.closedAt < this.options.cooldownMs) return undefined;
    const reading = this.baseline.read(series, at);
    if (reading === undefined || !this.ready(reading, at)) return undefined;
    const opening = this.opening(reading);
    if (opening === undefined) return undefined;
    const { evidence, reasons } = opening;
    this.spikes.set(series, { openedAt: at, reasons, peak: evidence, belowSince: undefined, closedAt: undefined });
    this.baseline.hold(series, true);
    return { kind: 'opened', id: `${series}@${at}`, series, at, openedAt: at, reasons, evidence };
  }

  /** Checks open spikes against the lower threshold; returns the alerts of spikes that closed. */
  advance(now: number): SpikeAlert[] {
    const closed: SpikeAlert[] = [];
    const { closeRatio, closeAfterMs, cooldownMs, maxHoldMs, minNegativeLift } = this.options;
    for (const [series, state] of this.spikes) {
      if (state.closedAt !== undefined) {
        if (now - state.closedAt >= cooldownMs) this.spikes.delete(series);
        continue;
      }
      const reading = this.baseline.read(series, now);
      if (reading === undefined) {
        this.spikes.delete(series);
        continue;
      }
      if (now - state.openedAt >= maxHoldMs) this.baseline.hold(series, false);
      const evidence = this.measure(reading);
      if (evidence.observed > state.peak.observed) state.peak = evidence;
      // Hysteresis: staying open needs only a fraction of what opening needed, and no p-value.
      const high = this.reasons(evidence.expected, evidence, closeRatio, minNegativeLift / 2, 0.5).length > 0;
      if (high) {
        state.belowSince = undefined;
        continue;
      }
      state.belowSince ??= now;
      if (now - state.belowSince < closeAfterMs) continue;
      state.closedAt = now;
      this.baseline.hold(series, false);
      closed.push({
        kind: 'closed',
        id: `${series}@${state.openedAt}`,
        series,
        at: now,
        openedAt: state.openedAt,
        reasons: state.reasons,
        evidence: state.peak,
      });
    }
    return closed;
  }

  isOpen(series: string): boolean {
    const state = this.spikes.get(series);
    return state !== undefined && state.closedAt === undefined;
  }

  /** Drops a series (an issue that closed): its baseline and any spike state. */
  forget(series: string): void {
    this.baseline.forget(series);
    this.spikes.delete(series);
  }

  private ready(reading: WindowReading, at: number): boolean {
    if (reading.seasonal || reading.ageMs >= this.options.warmUpMs) return true;
    if (!reading.hasPrior) return false;
    const { coldStartMs } = this.options;
    return coldStartMs === 0 || at - reading.ageMs - (this.listeningSince ?? at) >= coldStartMs;
  }

  /** The evidence and reasons of a spike, once cheap gates pass: most mentions stop at the gates. */
  private opening(reading: WindowReading): { evidence: SpikeEvidence; reasons: SpikeReason[] } | undefined {
    const { minRatio, minNegativeLift, alpha, negativeAlpha } = this.options;
    const gates = this.reasons(this.floored(reading), reading, minRatio, minNegativeLift, 1);
    if (gates.length === 0) return undefined;
    const evidence = this.measure(reading);
    const reasons = gates.filter((reason) =>
      reason === 'volume' ? evidence.pValue <= alpha : evidence.negativePValue <= negativeAlpha,
    );
    return reasons.length > 0 ? { evidence, reasons } : undefined;
  }

  private measure(reading: WindowReading): SpikeEvidence {
    const expected = this.floored(reading);
    const share = Math.min(0.99, Math.max(0.01, reading.expectedNegativeShare));
    return {
      windowMs: reading.windowMs,
      observed: reading.observed,
      expected,
      pValue: poissonUpperTail(reading.observed, expected),
      negatives: reading.negatives,
      negativeShare: reading.observed > 0 ? reading.negatives / reading.observed : 0,
      expectedNegativeShare: reading.expectedNegativeShare,
      negativePValue: binomialUpperTail(reading.negatives, reading.observed, share),
      seasonal: reading.seasonal,
    };
  }

  private floored(reading: WindowReading): number {
    return Math.max(reading.expected, (this.options.minExpectedPerMinute * reading.windowMs) / 60_000);
  }

  /** Which gates a window passes at the given thresholds; p-values are the caller's business. */
  private reasons(
    expected: number,
    counts: Pick<WindowReading, 'observed' | 'negatives' | 'expectedNegativeShare'>,
    ratio: number,
    lift: number,
    volumeScale: number,
  ): SpikeReason[] {
    const { minVolume, minNegatives } = this.options;
    const { observed, negatives, expectedNegativeShare } = counts;
    const reasons: SpikeReason[] = [];
    if (observed >= minVolume * volumeScale && observed >= expected * ratio) reasons.push('volume');
    if (negatives >= minNegatives * volumeScale && negatives >= observed * (expectedNegativeShare + lift)) {
      reasons.push('negative-share');
    }
    return reasons;
  }
}

/*
 * Exact tails, summed in log space from the first term, rather than a z-score on Anscombe-transformed
 * counts: at night a window expects a few mentions and we test near p = 1e-6, where the normal
 * approximation overstates p 16× (λ = 5, x = 20: 5.6e-6 against the exact 3.5e-7) and 28× (λ = 1,
 * x = 8), so it would wait for more mentions exactly where they are scarce. Terms shrink
 * geometrically beyond the mean, so behind the 2× gate a tail costs a few dozen steps.
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const MAX_TERMS = 100_000;

/** ln Γ(x) for x ≥ 1 (Lanczos, g = 7: ~15 significant digits). */
export function logGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let index = 1; index < LANCZOS.length; index++) sum += LANCZOS[index]! / (z + index);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Sums t_j from `from` while `ratio(j)` = t_{j+1}/t_j (or t_{j-1}/t_j going down) keeps terms relevant. */
function seriesFrom(from: number, to: number, step: 1 | -1, ratio: (j: number) => number): number {
  let term = 1;
  let sum = 1;
  for (let j = from, steps = 0; j !== to && steps < MAX_TERMS; j += step, steps++) {
    term *= ratio(j);
    sum += term;
    if (term < sum * 1e-15) break;
  }
  return sum;
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  const logTerm = (j: number) => -lambda + j * Math.log(lambda) - logGamma(j + 1);
  if (k > lambda) {
    return Math.min(1, Math.exp(logTerm(k) + Math.log(seriesFrom(k, -1, 1, (j) => lambda / (j + 1)))));
  }
  const lower = Math.exp(logTerm(k - 1) + Math.log(seriesFrom(k - 1, 0, -1, (j) => j / lambda)));
  return Math.max(0, 1 - lower);
}

/** P(X ≥ k) for X ~ Binomial(n, p), 0 < p < 1. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const odds = p / (1 - p);
  const logTerm = (j: number) =>
    logGamma(n + 1) - logGamma(j + 1) - logGamma(n - j + 1) + j * Math.log(p) + (n - j) * Math.log(1 - p);
  if (k > n * p) {
    return Math.min(1, Math.exp(logTerm(k) + Math.log(seriesFrom(k, n, 1, (j) => ((n - j) / (j + 1)) * odds))));
  }
  const lower = Math.exp(logTerm(k - 1) + Math.log(seriesFrom(k - 1, 0, -1, (j) => j / (n - j + 1) / odds)));
  return Math.max(0, 1 - lower);
}
