/** The three sentiment classes every evaluation is scored on, in the order tables print them. */
export const SENTIMENT_CLASSES = ['positive', 'neutral', 'negative'] as const;
export type SentimentClass = (typeof SENTIMENT_CLASSES)[number];

/** `matrix[expected][predicted]`: how many texts of each true class got each predicted class. */
export type ConfusionMatrix = Record<SentimentClass, Record<SentimentClass, number>>;

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Texts whose true class is this one. */
  support: number;
}

export interface ClassificationMetrics {
  total: number;
  accuracy: number;
  /** Unweighted mean of the three classes' F1, so a rare class counts as much as a common one. */
  macroF1: number;
  /** Unweighted mean of the three classes' recall: SemEval's official measure (1/3 for a constant guess). */
  macroRecall: number;
  perClass: Record<SentimentClass, ClassScores>;
  confusion: ConfusionMatrix;
}

/**
 * Scores predictions against the true classes, position by position. Every ratio with a zero
 * denominator (a class never predicted, or absent from the data) is 0, never NaN: a scorer that
 * never says "negative" must read as 0 on that class, not poison the macro average.
 */
export function classificationMetrics(
  expected: readonly SentimentClass[],
  predicted: readonly SentimentClass[],
): ClassificationMetrics {
  if (expected.length !== predicted.length) {
    throw new Error(`${expected.length} expected classes but ${predicted.length} predictions: they must pair up`);
  }
  const confusion = emptyConfusionMatrix();
  for (let index = 0; index < expected.length; index++) {
    confusion[expected[index]!][predicted[index]!]++;
  }
  return metricsFromConfusion(confusion);
}

export function emptyConfusionMatrix(): ConfusionMatrix {
  const row = (): Record<SentimentClass, number> => ({ positive: 0, neutral: 0, negative: 0 });
  return { positive: row(), neutral: row(), negative: row() };
}

export function metricsFromConfusion(confusion: ConfusionMatrix): ClassificationMetrics {
  let total = 0;
  let correct = 0;
  for (const actual of SENTIMENT_CLASSES) {
    for (const guess of SENTIMENT_CLASSES) total += confusion[actual][guess];
    correct += confusion[actual][actual];
  }
  const perClass = {
    positive: classScores(confusion, 'positive'),
    neutral: classScores(confusion, 'neutral'),
    negative: classScores(confusion, 'negative'),
  };
  const macroF1 = SENTIMENT_CLASSES.reduce((sum, label) => sum + perClass[label].f1, 0) / SENTIMENT_CLASSES.length;
  const macroRecall =
    SENTIMENT_CLASSES.reduce((sum, label) => sum + perClass[label].recall, 0) / SENTIMENT_CLASSES.length;
  return { total, accuracy: ratio(correct, total), macroF1, macroRecall, perClass, confusion };
}

function classScores(confusion: ConfusionMatrix, label: SentimentClass): ClassScores {
  const truePositives = confusion[label][label];
  let predictedAsLabel = 0;
  let support = 0;
  for (const other of SENTIMENT_CLASSES) {
    predictedAsLabel += confusion[other][label];
    support += confusion[label][other];
  }
  const precision = ratio(truePositives, predictedAsLabel);
  const recall = ratio(truePositives, support);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
