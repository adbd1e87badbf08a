import type { SentimentLabel } from '@watchfloor/domain';
import { bundledSentimentModel } from './learned/bundled-model';
import type { SentimentAdaptation } from './learned/sentiment-adaptation';
import type { SentimentModel } from './learned/sentiment-model';
import { FeatureBuffer, NO_TOKEN } from './learned/text-features';
import { RuleSentimentScorer } from './rule-sentiment-scorer';
import type { RuleAnalysis, SentimentEvidence, SentimentReading } from './rule-sentiment-scorer';
import { round } from './sentence-rules';

export interface SentimentScorerOptions {
  /** The weights to score with; the model bundled with Watchfloor by default. */
  model?: SentimentModel;
  /** An installation's changes, learned from its corrections, applied on top of `model`. */
  adaptation?: SentimentAdaptation;
}

const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];
/** Evidence shown per reading: the few tokens that moved it most, in the order they were written. */
const MAX_EVIDENCE = 8;
/** Below this (in logits) a token's pull is noise, not a reason. */
const MIN_EVIDENCE = 0.05;

/**
 * The pipeline's sentiment: the lexicon rules read the post (and say when its language is one
 * they cannot read), then a learned linear model weighs what they found together with the post's
 * words, word pairs and character n-grams. The label is the likeliest class, the score P(positive)
 * − P(negative), the confidence the likeliest class's probability; every reading names the tokens
 * that pulled it towards positive (weight > 0) or negative (< 0). One instance is not re-entrant
 * (it reuses its buffers): give each thread its own.
 */
export class SentimentScorer {
  readonly rules = new RuleSentimentScorer();
  readonly model: SentimentModel;
  private readonly features = new FeatureBuffer();
  private readonly probabilities = new Float64Array(3);
  private pulls = new Float64Array(64);

  constructor(options: SentimentScorerOptions = {}) {
    const model = options.model ?? bundledSentimentModel();
    this.model = options.adaptation === undefined ? model : model.adapted(options.adaptation);
  }

  /**
   * The reading without its explanation: what the ingest path stores for every mention, at the
   * cost of the rules and one pass over the features. `lang`: the platform's language tag, when it
   * gave one; otherwise the language is detected.
   */
  read(text: string, lang?: string): Omit<SentimentReading, 'explanation'> {
    const analysis = this.analyse(text, lang);
    return analysis.reading.label === 'unsupported' ? analysis.reading : this.reading(analysis);
  }

  /** The reading with the tokens that moved it: for people (the console, `watchfloor score`). */
  score(text: string, lang?: string): SentimentReading {
    const analysis = this.analyse(text, lang);
    if (analysis.reading.label === 'unsupported') return { ...analysis.reading, explanation: [] };
    return { ...this.reading(analysis), explanation: this.explain(analysis) };
  }

  private analyse(text: string, lang: string | undefined): RuleAnalysis {
    const analysis = this.rules.analyse(text, lang);
    if (analysis.reading.label === 'unsupported') return analysis;
    this.model.extractor.extract(analysis, this.features);
    this.model.probabilities(this.features, this.probabilities);
    return analysis;
  }

  private reading(analysis: RuleAnalysis): Omit<SentimentReading, 'explanation'> {
    const probabilities = this.probabilities;
    let best = 0;
    for (let c = 1; c < 3; c++) if (probabilities[c]! > probabilities[best]!) best = c;
    return {
      label: LABELS[best]!,
      score: round(probabilities[0]! - probabilities[2]!),
      confidence: round(probabilities[best]!),
      lang: analysis.reading.lang,
    };
  }

  /**
   * Each token's pull, positive minus negative logit, summed over the n-grams it starts; what the
   * rules contributed is shared among the tokens and phrases they read, in proportion to their weight.
   */
  private explain(analysis: RuleAnalysis): SentimentEvidence[] {
    const { tokens, items } = analysis;
    const pulls = this.pullsFor(tokens.length + 1);
    const { indices, values, owners, length } = this.features;
    const weights = this.model.weights;
    let rules = 0;
    for (let f = 0; f < length; f++) {
      const base = indices[f]! * 3;
      const pull = (weights[base]! - weights[base + 2]!) * values[f]!;
      if (owners[f] === NO_TOKEN) rules += pull;
      else pulls[owners[f]!]! += pull;
    }
    let evidence = 0;
    for (const item of items) evidence += Math.abs(item.weight);
    const phrases = new Map<number, string>();
    for (const item of items) {
      if (evidence > 0) pulls[item.position]! += (rules * Math.abs(item.weight)) / evidence;
      phrases.set(item.position, item.text);
      // A phrase ("lost my bag") speaks for the words it is made of.
      const end = Math.min(tokens.length, item.position + wordCount(item.text));
      for (let position = item.position + 1; position < end; position++) {
        pulls[item.position]! += pulls[position]!;
        pulls[position] = 0;
      }
    }
    const shown: { position: number; weight: number }[] = [];
    for (let position = 0; position <= tokens.length; position++) {
      const weight = pulls[position]!;
      if (Math.abs(weight) >= MIN_EVIDENCE && (position < tokens.length || phrases.has(position))) {
        shown.push({ position, weight });
      }
    }
    if (shown.length > MAX_EVIDENCE) {
      shown.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
      shown.length = MAX_EVIDENCE;
      shown.sort((a, b) => a.position - b.position);
    }
    return shown.map(({ position, weight }) => ({
      text: phrases.get(position) ?? tokens[position]!.raw,
      weight: round(weight),
    }));
  }

  /** A zeroed buffer of at least `length` pulls, kept between calls. */
  private pullsFor(length: number): Float64Array {
    if (this.pulls.length < length) this.pulls = new Float64Array(Math.max(length, this.pulls.length * 2));
    this.pulls.fill(0, 0, length);
    return this.pulls;
  }
}

function wordCount(text: string): number {
  let words = 1;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 0x20) words++;
  return words;
}
