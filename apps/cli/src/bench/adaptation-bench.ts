import { SentimentScorer, adaptSentiment, classificationMetrics, stableShare } from '@watchfloor/analysis';
import type { LabelledText, SentimentClass } from '@watchfloor/analysis';
import type { SentimentSet } from './sentiment-sets';

/** The case: a team that has corrected 1,000 posts of its own domain. */
const TAUGHT = 1_000;
const SALT = 0x9e3779b9;

export interface AdaptationResult {
  taught: number;
  scored: number;
  accuracyBefore: number;
  accuracyAfter: number;
  macroRecallBefore: number;
  macroRecallAfter: number;
}

/**
 * Learning from corrections, measured: the model is adapted to up to 1,000 of a set's texts (at
 * most half of it, picked by a hash of each text so the split is stable) and both models score
 * the rest, which neither the bundled model nor the adaptation has seen.
 */
export function measureAdaptation(set: SentimentSet): AdaptationResult {
  const rows: LabelledText[] = set.texts.map((text, index) => ({ text, label: set.expected[index]! }));
  // Salted, so the texts taught are not the ones the VADER sets were held out by.
  rows.sort((a, b) => stableShare(a.text, SALT) - stableShare(b.text, SALT));
  const taught = Math.min(TAUGHT, Math.floor(rows.length / 2));
  const teach = rows.slice(0, taught);
  const score = rows.slice(taught);
  const { adaptation } = adaptSentiment(teach, { heldOutFraction: 0 });
  const before = metrics(new SentimentScorer(), score);
  const after = metrics(new SentimentScorer({ adaptation }), score);
  return {
    taught,
    scored: score.length,
    accuracyBefore: before.accuracy,
    accuracyAfter: after.accuracy,
    macroRecallBefore: before.macroRecall,
    macroRecallAfter: after.macroRecall,
  };
}

function metrics(scorer: SentimentScorer, rows: readonly LabelledText[]) {
  const predicted = rows.map((row): SentimentClass => {
    const label = scorer.read(row.text).label;
    return label === 'unsupported' ? 'neutral' : label;
  });
  return classificationMetrics(
    rows.map((row) => row.label),
    predicted,
  );
}
