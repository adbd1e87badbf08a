/** Classes in the order of every weight triple: positive, neutral, negative (SENTIMENT_CLASSES). */
export const CLASS_COUNT = 3;

/** One text's features, copied out of the reusable buffer, with its class (an index into CLASS_COUNT). */
export interface TrainingExample {
  indices: Int32Array;
  values: Float32Array;
  label: number;
  /** How much this example counts, 1 by default: a source nearer the product's own posts counts more. */
  weight?: number;
  /** Logits added before the trained weights: the bundled model's, when training an adaptation. */
  offset?: Float64Array;
}

export interface TrainingOptions {
  epochs: number;
  /**
   * The first step's size; steps shrink linearly to nothing by the last, so the weights settle
   * rather than end wherever the last few examples pushed them (with steps decaying as 1/t, 8
   * and 12 epochs gave held-out negative precision 0.36 and 0.41).
   */
  learningRate: number;
  /** L2 penalty on every weight at every step (kept lazily, by one shared scale). */
  l2: number;
  /** Loss weight of each class: rare classes weigh more, so macro-recall is what is optimised. */
  classWeights: readonly number[];
  /** Same seed, same examples: same weights, bit for bit. */
  seed: number;
}

export interface SoftmaxWeights {
  /** `featureCount × CLASS_COUNT`, feature-major. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Below this the shared scale is folded into the weights, before floats lose their precision. */
const SMALLEST_SCALE = 1e-9;

/**
 * Multinomial logistic regression by stochastic gradient descent with a decaying step and L2
 * weight decay, over sparse examples. The decay of every weight is kept as one shared scale
 * (Bottou's trick), so a step costs only the features present. Per-feature step sizes (AdaGrad)
 * were tried and memorised rare n-grams: 0.99 on the training tweets, 0.54 on the held-out ones.
 * Weights start at zero; with `offset`s on the examples, what is learned is a change on top of
 * another model, which is how an installation's adaptation is trained.
 */
export function trainSoftmax(
  examples: readonly TrainingExample[],
  featureCount: number,
  options: TrainingOptions,
): SoftmaxWeights {
  const weights = new Float32Array(featureCount * CLASS_COUNT);
  const bias = new Float32Array(CLASS_COUNT);
  const order = examples.map((_, index) => index);
  const random = seededRandom(options.seed);
  const logits = new Float64Array(CLASS_COUNT);
  const gradient = new Float64Array(CLASS_COUNT);
  let scale = 1;
  let step = 0;
  const steps = options.epochs * examples.length;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const example = examples[index]!;
      const rate = options.learningRate * (1 - step++ / steps);
      scoreInto(example, weights, bias, logits, scale);
      softmaxInPlace(logits);
      const weight = options.classWeights[example.label]! * (example.weight ?? 1);
      for (let c = 0; c < CLASS_COUNT; c++) gradient[c] = weight * (logits[c]! - (c === example.label ? 1 : 0));
      scale *= 1 - rate * options.l2;
      if (scale < SMALLEST_SCALE) {
        for (let at = 0; at < weights.length; at++) weights[at]! *= scale;
        scale = 1;
      }
      for (let c = 0; c < CLASS_COUNT; c++) bias[c]! -= rate * gradient[c]!;
      for (let f = 0; f < example.indices.length; f++) {
        const base = example.indices[f]! * CLASS_COUNT;
        const step = (rate * example.values[f]!) / scale;
        weights[base]! -= gradient[0]! * step;
        weights[base + 1]! -= gradient[1]! * step;
        weights[base + 2]! -= gradient[2]! * step;
      }
    }
  }
  for (let at = 0; at < weights.length; at++) weights[at]! *= scale;
  return { weights, bias };
}

/** Logits of one example: its offset, the bias, and each feature's weights times its value. */
export function scoreInto(
  example: Pick<TrainingExample, 'indices' | 'values' | 'offset'>,
  weights: Float32Array,
  bias: Float32Array,
  out: Float64Array,
  scale = 1,
): void {
  for (let c = 0; c < CLASS_COUNT; c++) out[c] = bias[c]! + (example.offset?.[c] ?? 0);
  for (let f = 0; f < example.indices.length; f++) {
    const base = example.indices[f]! * CLASS_COUNT;
    const value = example.values[f]! * scale;
    out[0]! += weights[base]! * value;
    out[1]! += weights[base + 1]! * value;
    out[2]! += weights[base + 2]! * value;
  }
}

export function softmaxInPlace(logits: Float64Array): void {
  const top = Math.max(logits[0]!, logits[1]!, logits[2]!);
  let total = 0;
  for (let c = 0; c < CLASS_COUNT; c++) {
    logits[c] = Math.exp(logits[c]! - top);
    total += logits[c]!;
  }
  for (let c = 0; c < CLASS_COUNT; c++) logits[c]! /= total;
}

/**
 * Inverse-frequency loss weights (1 each for balanced classes) raised to `power`: 1 balances the
 * classes fully, 0 not at all.
 */
export function balancedClassWeights(labels: readonly number[], power = 1): number[] {
  const counts = new Array<number>(CLASS_COUNT).fill(0);
  for (const label of labels) counts[label]!++;
  return counts.map((count) => (count === 0 ? 0 : (labels.length / (CLASS_COUNT * count)) ** power));
}

/** mulberry32: small, fast, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
}
