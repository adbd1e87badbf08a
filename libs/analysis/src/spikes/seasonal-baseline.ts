/**
 * What a series (`query:<id>`, `issue:<id>`) normally does at this time of day, learned as it goes.
 *
 * Counts land in short buckets; the expected count of a bucket is an hour-of-day profile (the mean
 * count per bucket of each hour, interpolated between hour midpoints so the morning ramp is not a
 * staircase) times a level ratio that follows the last half hour (a busier Monday, a quieter
 * holiday). Until a slot of the profile is learned the expected count is the recent level, or the
 * caller's prior for a series with no history. Time is always the caller's: replays run in
 * simulated time. Memory per series is constant (~1 KB, measured) and the number of series is capped.
 */
export interface SeasonalBaselineOptions {
  /** 10 s: fine enough that a 60 s window moves every 10 s, coarse enough that a bucket is a few numbers. */
  bucketMs: number;
  /** Closed buckets kept for the detection window (6 × 10 s = the last minute). */
  windowBuckets: number;
  /** Profile slot length and season: 24 hourly slots of one day (a week would take a week to learn). */
  slotMs: number;
  seasonMs: number;
  /** Weight of a new day in a profile slot: 0.3 forgets a one-off day within ~3 days. */
  profileWeight: number;
  /** Half-life of the level and level ratio: 30 min follows a slow drift but not a 5-minute burst. */
  levelHalfLifeMs: number;
  /** Half-life of the negative-share baseline: 2 h, so an afternoon of complaints is not yet "normal". */
  negativeHalfLifeMs: number;
  /** Prior negative share and its weight in mentions, before a series has shown its own. */
  priorNegativeShare: number;
  priorNegativeWeight: number;
  /** Pseudo-counts pulling the level ratio to 1: a series with a handful of mentions an hour keeps its profile. */
  ratioPseudoCount: number;
  /** Least recently used series are forgotten beyond this many (~1 KB each: 10 MB at most). */
  maxSeries: number;
}

export const DEFAULT_BASELINE_OPTIONS: SeasonalBaselineOptions = {
  bucketMs: 10_000,
  windowBuckets: 6,
  slotMs: 3_600_000,
  seasonMs: 86_400_000,
  profileWeight: 0.3,
  levelHalfLifeMs: 30 * 60_000,
  negativeHalfLifeMs: 2 * 3_600_000,
  priorNegativeShare: 0.25,
  priorNegativeWeight: 20,
  ratioPseudoCount: 20,
  maxSeries: 10_000,
};

export interface WindowReading {
  /** Mentions in the window: the closed buckets kept and the bucket under way. */
  observed: number;
  negatives: number;
  windowMs: number;
  /** Expected mentions over the same window. */
  expected: number;
  expectedNegativeShare: number;
  /** True when the expectation came from the learned time-of-day profile, false on cold start. */
  seasonal: boolean;
  /** How long the series has been followed: a cold series without a prior is not judged yet. */
  ageMs: number;
  hasPrior: boolean;
}

interface SeriesState {
  bucket: number;
  count: number;
  negatives: number;
  ring: Float64Array;
  negativeRing: Float64Array;
  firstBucket: number;
  /** Bias-corrected EWMA of counts per bucket: sum and weight. */
  levelSum: number;
  levelWeight: number;
  hasPrior: boolean;
  /** EWMA of observed and of profile-expected counts: their quotient is the level ratio. */
  ratioObserved: number;
  ratioExpected: number;
  profile: Float64Array;
  slot: number;
  slotCount: number;
  slotComplete: boolean;
  /** Held now, held at any time in the bucket under way, and in the hour under way. */
  held: boolean;
  bucketHeld: boolean;
  slotHeld: boolean;
  negativeSum: number;
  totalSum: number;
  touchedBucket: number;
}

export class SeasonalBaseline {
  readonly options: SeasonalBaselineOptions;
  private readonly series = new Map<string, SeriesState>();
  private readonly levelDecay: number;
  private readonly negativeDecay: number;
  private readonly bucketsPerSlot: number;
  private readonly slots: number;
  private readonly bucketsPerSeason: number;

  constructor(options: Partial<SeasonalBaselineOptions> = {}) {
    this.options = { ...DEFAULT_BASELINE_OPTIONS, ...options };
    const { bucketMs, slotMs, seasonMs, levelHalfLifeMs, negativeHalfLifeMs } = this.options;
    this.levelDecay = 0.5 ** (bucketMs / levelHalfLifeMs);
    this.negativeDecay = 0.5 ** (bucketMs / negativeHalfLifeMs);
    this.bucketsPerSlot = Math.round(slotMs / bucketMs);
    this.slots = Math.round(seasonMs / slotMs);
    this.bucketsPerSeason = Math.round(seasonMs / bucketMs);
  }

  get size(): number {
    return this.series.size;
  }

  has(key: string): boolean {
    return this.series.has(key);
  }

  /**
   * Counts mentions at `at`. A mention older than the bucket under way counts in it: the baseline
   * follows arrivals, so late posts from a slow poller still show as activity when they arrive.
   * `priorPerMinute` seeds a new series (an issue is expected to be quiet until it is not).
   */
  add(key: string, at: number, count: number, negatives: number, priorPerMinute?: number): void {
    const state = this.stateFor(key, at, priorPerMinute);
    this.roll(state, Math.floor(at / this.options.bucketMs));
    state.count += count;
    state.negatives += negatives;
  }

  /** The last minute (or `windowBuckets`) against what was expected, rolled forward to `now`. */
  read(key: string, now: number): WindowReading | undefined {
    const state = this.series.get(key);
    if (state === undefined) return undefined;
    const { bucketMs, windowBuckets, priorNegativeShare, priorNegativeWeight } = this.options;
    this.roll(state, Math.floor(now / bucketMs));
    let observed = state.count;
    let negatives = state.negatives;
    const kept = Math.min(windowBuckets, state.bucket - state.firstBucket);
    for (let index = 1; index <= kept; index++) {
      const slot = (state.bucket - index) % windowBuckets;
      observed += state.ring[slot]!;
      negatives += state.negativeRing[slot]!;
    }
    const elapsed = Math.max(0, now - state.bucket * bucketMs);
    const windowMs = kept * bucketMs + elapsed;
    const { perBucket, seasonal } = this.expectedPerBucket(state, now);
    return {
      observed,
      negatives,
      windowMs,
      expected: (perBucket * windowMs) / bucketMs,
      expectedNegativeShare:
        (state.negativeSum + priorNegativeShare * priorNegativeWeight) / (state.totalSum + priorNegativeWeight),
      seasonal,
      ageMs: now - state.firstBucket * bucketMs,
      hasPrior: state.hasPrior,
    };
  }

  /** Expected mentions per minute at `at` (for display and tests). */
  expectedPerMinute(key: string, at: number): number | undefined {
    const state = this.series.get(key);
    if (state === undefined) return undefined;
    return (this.expectedPerBucket(state, at).perBucket * 60_000) / this.options.bucketMs;
  }

  /** While held (a spike is open) nothing is learned: a crisis must not become tomorrow's normal. */
  hold(key: string, held: boolean): void {
    const state = this.series.get(key);
    if (state === undefined) return;
    state.held = held;
    if (held) [state.bucketHeld, state.slotHeld] = [true, true];
  }

  forget(key: string): void {
    this.series.delete(key);
  }

  private stateFor(key: string, at: number, priorPerMinute: number | undefined): SeriesState {
    const { bucketMs, windowBuckets, maxSeries } = this.options;
    const bucket = Math.floor(at / bucketMs);
    const existing = this.series.get(key);
    if (existing !== undefined) {
      // Re-inserting keeps the Map in least-recently-used order; once a minute is enough for that.
      if (bucket - existing.touchedBucket >= 6) {
        existing.touchedBucket = bucket;
        this.series.delete(key);
        this.series.set(key, existing);
      }
      return existing;
    }
    if (this.series.size >= maxSeries) {
      const oldest = this.series.keys().next();
      if (oldest.done !== true) this.series.delete(oldest.value);
    }
    const prior = priorPerMinute === undefined ? undefined : (priorPerMinute * bucketMs) / 60_000;
    // The prior weighs as much as the level's half-life of buckets: a brand-new issue cannot raise its own bar.
    const priorWeight = prior === undefined ? 0 : 1 / (1 - this.levelDecay);
    const state: SeriesState = {
      bucket,
      count: 0,
      negatives: 0,
      ring: new Float64Array(windowBuckets),
      negativeRing: new Float64Array(windowBuckets),
      firstBucket: bucket,
      levelSum: (prior ?? 0) * priorWeight,
      levelWeight: priorWeight,
      hasPrior: prior !== undefined,
      ratioObserved: 0,
      ratioExpected: 0,
      profile: new Float64Array(this.slots).fill(Number.NaN),
      slot: Math.floor(bucket / this.bucketsPerSlot),
      slotCount: 0,
      slotComplete: bucket % this.bucketsPerSlot === 0,
      held: false,
      bucketHeld: false,
      slotHeld: false,
      negativeSum: 0,
      totalSum: 0,
      touchedBucket: bucket,
    };
    this.series.set(key, state);
    return state;
  }

  /** Closes every bucket up to `bucket`, learning from each; a gap longer than a season restarts the window. */
  private roll(state: SeriesState, bucket: number): void {
    if (bucket <= state.bucket) return;
    if (bucket - state.bucket > this.bucketsPerSeason) {
      state.ring.fill(0);
      state.negativeRing.fill(0);
      state.count = 0;
      state.negatives = 0;
      state.bucket = bucket;
      state.firstBucket = bucket - this.options.windowBuckets;
      state.slot = Math.floor(bucket / this.bucketsPerSlot);
      state.slotCount = 0;
      state.slotComplete = false;
      return;
    }
    while (state.bucket < bucket) {
      this.closeBucket(state);
      state.bucket++;
      state.count = 0;
      state.negatives = 0;
      const slot = Math.floor(state.bucket / this.bucketsPerSlot);
      if (slot !== state.slot) this.closeSlot(state, slot);
    }
  }

  private closeBucket(state: SeriesState): void {
    const { windowBuckets, bucketMs } = this.options;
    const index = state.bucket % windowBuckets;
    state.ring[index] = state.count;
    state.negativeRing[index] = state.negatives;
    const held = state.bucketHeld;
    state.bucketHeld = state.held;
    if (held) return;
    const middle = state.bucket * bucketMs + bucketMs / 2;
    // Winsorized: a bucket teaches at most 2× its expectation + 3, so a burst cannot raise its own
    // bar before the detector has judged it. Poisson noise never reaches that (P < 1e-4 at any rate);
    // a real new level still gets in, doubling per half-life.
    const count = Math.min(state.count, 2 * this.expectedPerBucket(state, middle).perBucket + 3);
    const negatives = state.count > 0 ? (state.negatives * count) / state.count : 0;
    const profiled = this.profileAt(state, middle);
    if (profiled !== undefined) {
      if (state.ratioExpected === 0) {
        // The first profiled bucket inherits the level's history, so the ratio does not start from one bucket.
        [state.ratioObserved, state.ratioExpected] = [state.levelSum, state.levelWeight * profiled];
      }
      state.ratioObserved = state.ratioObserved * this.levelDecay + count;
      state.ratioExpected = state.ratioExpected * this.levelDecay + profiled;
    }
    state.slotCount += count;
    state.levelSum = state.levelSum * this.levelDecay + count;
    state.levelWeight = state.levelWeight * this.levelDecay + 1;
    state.negativeSum = state.negativeSum * this.negativeDecay + negatives;
    state.totalSum = state.totalSum * this.negativeDecay + count;
  }

  private closeSlot(state: SeriesState, next: number): void {
    // Only an hour watched from start to end, with no spike in it, teaches the profile.
    if (state.slotComplete && !state.slotHeld) {
      const index = state.slot % this.slots;
      const value = state.slotCount / this.bucketsPerSlot;
      const known = state.profile[index]!;
      state.profile[index] = Number.isNaN(known) ? value : known + this.options.profileWeight * (value - known);
    }
    state.slot = next;
    state.slotCount = 0;
    state.slotComplete = true;
    state.slotHeld = state.held;
  }

  private expectedPerBucket(state: SeriesState, at: number): { perBucket: number; seasonal: boolean } {
    const profiled = this.profileAt(state, at);
    if (profiled !== undefined) {
      const pseudo = this.options.ratioPseudoCount;
      const ratio = (state.ratioObserved + pseudo) / (state.ratioExpected + pseudo);
      // A ratio beyond 4× either way is a broken profile, not a drift: the clamp bounds the damage.
      return { perBucket: profiled * Math.min(4, Math.max(0.25, ratio)), seasonal: true };
    }
    return { perBucket: state.levelWeight > 0 ? state.levelSum / state.levelWeight : 0, seasonal: false };
  }

  /** The profile at `at`, interpolated between the midpoints of its two nearest learned slots. */
  private profileAt(state: SeriesState, at: number): number | undefined {
    const { slotMs } = this.options;
    const position = at / slotMs - 0.5;
    const lower = Math.floor(position);
    const fraction = position - lower;
    const before = state.profile[((lower % this.slots) + this.slots) % this.slots]!;
    const after = state.profile[(((lower + 1) % this.slots) + this.slots) % this.slots]!;
    if (Number.isNaN(before)) return Number.isNaN(after) ? undefined : after;
    if (Number.isNaN(after)) return before;
    return before + fraction * (after - before);
  }
}
