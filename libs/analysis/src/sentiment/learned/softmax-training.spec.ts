import { CLASS_COUNT, balancedClassWeights, scoreInto, softmaxInPlace, trainSoftmax } from './softmax-training';
import type { TrainingExample } from './softmax-training';

/** Feature 0 means positive, 1 neutral, 2 negative; feature 3 is on everywhere and means nothing. */
function examples(count: number): TrainingExample[] {
  return Array.from({ length: count }, (_, index) => {
    const label = index % 3;
    return { indices: Int32Array.from([label, 3]), values: Float32Array.from([1, 1]), label };
  });
}

const OPTIONS = { epochs: 5, learningRate: 0.5, l2: 1e-4, classWeights: [1, 1, 1], seed: 1 };

function predict(example: TrainingExample, weights: Float32Array, bias: Float32Array): number {
  const logits = new Float64Array(CLASS_COUNT);
  scoreInto(example, weights, bias, logits);
  return logits.indexOf(Math.max(...logits));
}

describe('trainSoftmax', () => {
  it('learns which feature means which class, and that a feature on everywhere means nothing', () => {
    const data = examples(300);
    const { weights, bias } = trainSoftmax(data, 4, OPTIONS);
    for (const example of data) expect(predict(example, weights, bias)).toBe(example.label);
    expect(weights[0 * 3 + 0]).toBeGreaterThan(1);
    expect(weights[2 * 3 + 2]).toBeGreaterThan(1);
    const everywhere = Array.from(weights.subarray(9, 12));
    expect(Math.max(...everywhere) - Math.min(...everywhere)).toBeLessThan(0.2);
  });

  it('gives the same weights for the same seed and examples, bit for bit', () => {
    expect(trainSoftmax(examples(90), 4, OPTIONS)).toEqual(trainSoftmax(examples(90), 4, OPTIONS));
    expect(trainSoftmax(examples(90), 4, { ...OPTIONS, seed: 2 }).weights).not.toEqual(
      trainSoftmax(examples(90), 4, OPTIONS).weights,
    );
  });

  it('shrinks weights harder under a larger L2 penalty', () => {
    const loose = trainSoftmax(examples(300), 4, OPTIONS);
    const tight = trainSoftmax(examples(300), 4, { ...OPTIONS, l2: 0.05 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
  });

  it('learns a change on top of fixed logits: where the offset already answers, it learns little', () => {
    const data = examples(300).map((example) => {
      const offset = new Float64Array(CLASS_COUNT);
      offset[example.label] = 8;
      return { ...example, offset };
    });
    const largest = (weights: Float32Array) => Math.max(...Array.from(weights, Math.abs));
    const change = trainSoftmax(data, 4, OPTIONS).weights;
    const fromScratch = trainSoftmax(examples(300), 4, OPTIONS).weights;
    expect(largest(change)).toBeLessThan(largest(fromScratch) / 10);
  });

  it('weighs rare classes up, fully or partly', () => {
    const labels = [0, 0, 0, 0, 0, 0, 1, 1, 2];
    const [positive, neutral, negative] = balancedClassWeights(labels);
    expect(positive! * 6 + neutral! * 2 + negative! * 1).toBeCloseTo(labels.length);
    expect(negative).toBeCloseTo(3);
    expect(balancedClassWeights(labels, 0)).toEqual([1, 1, 1]);
    expect(balancedClassWeights(labels, 0.5)[2]).toBeCloseTo(Math.sqrt(3));
    // A class with no examples gets no weight rather than a division by zero.
    expect(balancedClassWeights([0, 0])).toEqual([1 / 3, 0, 0]);
  });

  it('turns logits into probabilities without overflowing on large ones', () => {
    const logits = Float64Array.from([1000, 999, -1000]);
    softmaxInPlace(logits);
    expect(logits[0]! + logits[1]! + logits[2]!).toBeCloseTo(1);
    expect(logits[0]).toBeGreaterThan(logits[1]!);
    expect(logits[2]).toBe(0);
  });
});
