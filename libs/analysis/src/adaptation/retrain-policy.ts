/** Where the corrections stand against the newest training. */
export interface RetrainState {
  corrections: {
    /** Items carrying a sentiment correction: what a training would learn from. */
    available: number;
    /** Corrections made since the newest training. */
    newSince: number;
  };
  /** The newest training, failed or not; null before the first. */
  latest: { id: number; baseModelId: string } | null;
  /** The model the scorers run now. */
  bundledModelId: string;
  /** The fewest corrections a training learns from. */
  minimum: number;
}

export interface AdaptationVerdict {
  yes: boolean;
  /** Said to the admin as it is. */
  reason: string;
}

/**
 * Whether a retrain would learn anything. Corrections since the newest training are worth one;
 * so is a new bundled model (a release), since an adaptation applies only to the model it was
 * trained on. The same corrections on the same model are never trained twice, even after a failure:
 * training is deterministic, so it would fail again.
 */
export function retrainVerdict(state: RetrainState): AdaptationVerdict {
  const { corrections, latest, bundledModelId, minimum } = state;
  if (corrections.available < minimum) {
    return {
      yes: false,
      reason: `${corrections.available} ${plural(corrections.available, 'correction')} so far; learning needs at least ${minimum}`,
    };
  }
  if (latest === null) return { yes: true, reason: `${corrections.available} corrections, none learned from yet` };
  if (latest.baseModelId !== bundledModelId) {
    return {
      yes: true,
      reason: `version ${latest.id} adapts sentiment model ${latest.baseModelId}, and the scorers now run ${bundledModelId}`,
    };
  }
  if (corrections.newSince > 0) {
    return {
      yes: true,
      reason: `${corrections.newSince} ${plural(corrections.newSince, 'correction')} since version ${latest.id}`,
    };
  }
  return { yes: false, reason: `no corrections since version ${latest.id}: nothing new to learn` };
}

/** A training's figures on the corrections it held back. */
export interface HeldBackComparison {
  heldOut: number;
  accuracyBefore: number;
  accuracyAfter: number;
}

/**
 * Whether a freshly trained version should replace what the scorers use. Only if it does at least
 * as well as the bundled model on corrections it never saw; with none held back there is nothing
 * to show that, so it waits for an admin.
 */
export function activationVerdict(figures: HeldBackComparison): AdaptationVerdict {
  const { heldOut, accuracyBefore, accuracyAfter } = figures;
  if (heldOut === 0) return { yes: false, reason: 'no corrections were held back to measure it on' };
  const change = `accuracy ${percent(accuracyBefore)} → ${percent(accuracyAfter)} on ${heldOut} held-back ${plural(heldOut, 'correction')}`;
  return accuracyAfter >= accuracyBefore ? { yes: true, reason: change } : { yes: false, reason: `${change}: worse` };
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
