import { SentimentAdaptationError } from './sentiment-adaptation';
import type { SentimentAdaptation } from './sentiment-adaptation';
import { CLASS_COUNT, softmaxInPlace } from './softmax-training';
import { TextFeatureExtractor } from './text-features';
import type { FeatureBuffer } from './text-features';

export class SentimentModelError extends Error {}

/** What a model file says about how it was made: shown by the bench and the admin page. */
export interface ModelProvenance {
  /** The data it was trained on, by name and row count. */
  trainedOn: Record<string, number>;
  /** Figures it reached on held-out data when it was trained. */
  figures: Record<string, number>;
  /** The training settings. */
  options?: Record<string, number>;
  createdAt: string;
}

/**
 * A multinomial logistic regression over the text features: three logits, one per class, each
 * the class bias plus the weights of the features present. Immutable; an adaptation makes a new
 * model with the changes added.
 */
export class SentimentModel {
  readonly extractor: TextFeatureExtractor;

  constructor(
    /** Names this set of weights: adaptations are trained against one model and apply to it only. */
    readonly id: string,
    readonly hashBits: number,
    /** `featureCount × 3`, feature-major: positive, neutral, negative. */
    readonly weights: Float32Array,
    readonly bias: Float32Array,
    readonly provenance: ModelProvenance,
    /** The adaptation applied on top of the bundled weights, if any. */
    readonly adaptation: SentimentAdaptation | null = null,
  ) {
    this.extractor = new TextFeatureExtractor(hashBits);
    if (weights.length !== this.extractor.featureCount * CLASS_COUNT || bias.length !== CLASS_COUNT) {
      throw new SentimentModelError(`model ${id}: ${weights.length} weights do not fit ${hashBits} hash bits`);
    }
  }

  /** Class probabilities (positive, neutral, negative) into `out`. */
  probabilities(features: FeatureBuffer, out: Float64Array): void {
    const { weights, bias } = this;
    let positive = bias[0]!;
    let neutral = bias[1]!;
    let negative = bias[2]!;
    const { indices, values } = features;
    for (let f = 0; f < features.length; f++) {
      const base = indices[f]! * CLASS_COUNT;
      const value = values[f]!;
      positive += weights[base]! * value;
      neutral += weights[base + 1]! * value;
      negative += weights[base + 2]! * value;
    }
    out[0] = positive;
    out[1] = neutral;
    out[2] = negative;
    softmaxInPlace(out);
  }

  /** The bundled weights with an installation's changes added; refuses one trained on another model. */
  adapted(adaptation: SentimentAdaptation): SentimentModel {
    if (adaptation.baseModelId !== this.id) {
      throw new SentimentAdaptationError(
        `the adaptation was trained on sentiment model ${adaptation.baseModelId}, not on ${this.id}: retrain it`,
      );
    }
    const weights = Float32Array.from(this.weights);
    const { indices, deltas } = adaptation;
    for (let at = 0; at < indices.length; at++) {
      const base = indices[at]! * CLASS_COUNT;
      if (base < 0 || base >= weights.length) {
        throw new SentimentAdaptationError(`the adaptation names feature ${indices[at]}, outside the model`);
      }
      for (let c = 0; c < CLASS_COUNT; c++) weights[base + c]! += deltas[at * CLASS_COUNT + c]!;
    }
    const bias = Float32Array.from(this.bias, (value, c) => value + adaptation.bias[c]!);
    return new SentimentModel(this.id, this.hashBits, weights, bias, this.provenance, adaptation);
  }
}
