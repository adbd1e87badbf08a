/**
 * The posts an issue keeps to show what it is: where it started, the one closest to its centre (its
 * most representative post) and the loudest.
 */

export interface IssueSample {
  key: string;
  text: string;
  reach: number;
  at: number;
}

/** The issue's features as its centroid holds them: how many posts carried each, at what weight. */
export type CentroidTerms = ReadonlyMap<string, { count: number; weight: number }>;

/** A sample with the heaviest of its features, to measure it against the issue's centre as the centre moves. */
export interface KeptSample extends IssueSample {
  features: string[];
  weights: number[];
  /** The norm of all its features' weights, not only the kept ones: a rambling post stays far from the centre. */
  norm: number;
}

/** Features kept per sample: a post's heaviest 16 carry nearly all of its cosine to the centre. */
const FEATURES_PER_SAMPLE = 16;

export function toKeptSample(sample: IssueSample, weights: ReadonlyMap<string, number>): KeptSample {
  let norm2 = 0;
  for (const weight of weights.values()) norm2 += weight * weight;
  const heaviest = [...weights].sort(([, a], [, b]) => b - a).slice(0, FEATURES_PER_SAMPLE);
  return {
    ...sample,
    features: heaviest.map(([feature]) => feature),
    weights: heaviest.map(([, weight]) => weight),
    norm: Math.sqrt(norm2),
  };
}

/** Cosine to the centroid, short of the centroid's own norm (the same for every sample of an issue). */
export function closeness(sample: KeptSample, centroid: CentroidTerms): number {
  if (sample.norm === 0) return 0;
  let dot = 0;
  sample.features.forEach((feature, index) => {
    const term = centroid.get(feature);
    if (term !== undefined) dot += sample.weights[index]! * term.weight * term.count;
  });
  return dot / sample.norm;
}

/** Whether `a` is the closer to the centre than `b`; the farther-reaching of two equally close. */
function isCloser(a: KeptSample, closenessA: number, b: KeptSample, closenessB: number): boolean {
  return closenessA > closenessB || (closenessA === closenessB && a.reach > b.reach);
}

/**
 * Keeps `candidate` among at most `max` samples. The first voice stays (where it started); of the
 * others and the candidate, the one closest to the issue's centre stays whatever its reach, and the
 * rest are the loudest so far. Measured against the centre as it is now, so it follows a drift.
 */
export function keepSample(samples: KeptSample[], candidate: KeptSample, max: number, centroid: CentroidTerms): void {
  if (samples.length < max) {
    samples.push(candidate);
    return;
  }
  if (samples.length < 2) return;
  let central = -1;
  let centralCloseness = closeness(candidate, centroid);
  for (let index = 1; index < samples.length; index++) {
    const sampleCloseness = closeness(samples[index]!, centroid);
    const current = central < 0 ? candidate : samples[central]!;
    if (isCloser(samples[index]!, sampleCloseness, current, centralCloseness)) {
      [central, centralCloseness] = [index, sampleCloseness];
    }
  }
  // The candidate goes first, so an equally quiet sample already kept stays.
  let quietest = central < 0 ? undefined : -1;
  for (let index = 1; index < samples.length; index++) {
    if (index === central) continue;
    const quietestReach = quietest === undefined ? Infinity : quietest < 0 ? candidate.reach : samples[quietest]!.reach;
    if (samples[index]!.reach < quietestReach) quietest = index;
  }
  if (quietest !== undefined && quietest >= 0) samples[quietest] = candidate;
}

/** The sample closest to the issue's centre, the farther-reaching of equals: its most representative post. */
export function representativeOf(samples: readonly KeptSample[], centroid: CentroidTerms): KeptSample | undefined {
  let best: KeptSample | undefined;
  let bestCloseness = 0;
  for (const sample of samples) {
    const sampleCloseness = closeness(sample, centroid);
    if (best === undefined || isCloser(sample, sampleCloseness, best, bestCloseness)) {
      [best, bestCloseness] = [sample, sampleCloseness];
    }
  }
  return best;
}

/** A sample as the snapshot shows it, without the features it was measured with. */
export function plainSample({ key, text, reach, at }: KeptSample): IssueSample {
  return { key, text, reach, at };
}
