import { classificationMetrics, emptyConfusionMatrix, metricsFromConfusion } from './classification-metrics';
import type { SentimentClass } from './classification-metrics';

/** Pairs written as `expected>predicted`, so a case reads like the table it was computed from. */
function pairs(...cases: `${SentimentClass}>${SentimentClass}`[]): [SentimentClass[], SentimentClass[]] {
  const split = cases.map((pair) => pair.split('>') as [SentimentClass, SentimentClass]);
  return [split.map(([expected]) => expected), split.map(([, predicted]) => predicted)];
}

describe('classificationMetrics', () => {
  it('computes per-class precision, recall and F1, their macro mean and accuracy by hand', () => {
    const [expected, predicted] = pairs(
      'positive>positive',
      'positive>neutral',
      'neutral>neutral',
      'negative>negative',
      'negative>negative',
      'negative>positive',
    );
    const metrics = classificationMetrics(expected, predicted);

    // positive: 1 right of 2 predicted, 1 found of 2 -> P 1/2, R 1/2, F1 1/2
    expect(metrics.perClass.positive).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    // neutral: 1 right of 2 predicted, 1 found of 1 -> P 1/2, R 1, F1 2/3
    expect(metrics.perClass.neutral.precision).toBe(0.5);
    expect(metrics.perClass.neutral.recall).toBe(1);
    expect(metrics.perClass.neutral.f1).toBeCloseTo(2 / 3, 12);
    // negative: 2 right of 2 predicted, 2 found of 3 -> P 1, R 2/3, F1 4/5
    expect(metrics.perClass.negative.precision).toBe(1);
    expect(metrics.perClass.negative.recall).toBeCloseTo(2 / 3, 12);
    expect(metrics.perClass.negative.f1).toBeCloseTo(0.8, 12);
    expect(metrics.perClass.negative.support).toBe(3);
    // (1/2 + 2/3 + 4/5) / 3 = 59/90
    expect(metrics.macroF1).toBeCloseTo(59 / 90, 12);
    expect(metrics.accuracy).toBeCloseTo(4 / 6, 12);
    expect(metrics.total).toBe(6);
  });

  it('counts the confusion matrix as [expected][predicted]', () => {
    const [expected, predicted] = pairs('negative>positive', 'negative>positive', 'positive>neutral');
    const { confusion } = classificationMetrics(expected, predicted);
    expect(confusion).toEqual({
      positive: { positive: 0, neutral: 1, negative: 0 },
      neutral: { positive: 0, neutral: 0, negative: 0 },
      negative: { positive: 2, neutral: 0, negative: 0 },
    });
  });

  it('gives F1 0, not NaN, to a class that is never predicted or never present', () => {
    const [expected, predicted] = pairs('positive>positive', 'negative>positive', 'negative>neutral');
    const metrics = classificationMetrics(expected, predicted);

    // negative is never predicted: precision has a zero denominator
    expect(metrics.perClass.negative).toEqual({ precision: 0, recall: 0, f1: 0, support: 2 });
    // neutral is predicted once but never true: recall has a zero denominator
    expect(metrics.perClass.neutral).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    // positive: P 1/2, R 1, F1 2/3; macro (2/3 + 0 + 0) / 3
    expect(metrics.macroF1).toBeCloseTo(2 / 9, 12);
    expect(metrics.accuracy).toBeCloseTo(1 / 3, 12);
  });

  it('scores a perfect run as 1 everywhere', () => {
    const [expected, predicted] = pairs('positive>positive', 'neutral>neutral', 'negative>negative');
    const metrics = classificationMetrics(expected, predicted);
    expect(metrics.macroF1).toBe(1);
    expect(metrics.accuracy).toBe(1);
  });

  it('scores nothing as zeros rather than NaN', () => {
    const metrics = classificationMetrics([], []);
    expect(metrics.macroF1).toBe(0);
    expect(metrics.accuracy).toBe(0);
    for (const scores of Object.values(metrics.perClass)) {
      expect(scores).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    }
  });

  it('refuses predictions that do not pair up with the expected classes', () => {
    expect(() => classificationMetrics(['positive'], [])).toThrow(/1 expected classes but 0 predictions/);
  });

  it('gives the same figures from a confusion matrix as from the pairs it counts', () => {
    const [expected, predicted] = pairs('positive>negative', 'neutral>neutral', 'negative>negative');
    const confusion = emptyConfusionMatrix();
    confusion.positive.negative = 1;
    confusion.neutral.neutral = 1;
    confusion.negative.negative = 1;
    expect(metricsFromConfusion(confusion)).toEqual(classificationMetrics(expected, predicted));
  });
});
