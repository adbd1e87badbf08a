import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer';
import type { Sentiment, SentimentLabel } from '@watchfloor/domain';

/** How far a negation reaches: "not very good" flips "good" two words on. */
const NEGATION_SCOPE = 3;
/** A negated word is weaker than its opposite ("not good" is milder than "bad"), as VADER measured. */
const NEGATION_FACTOR = -0.74;
/** Squashes a sum of word scores into (-1, 1); the constant VADER uses for the same job. */
const NORMALIZATION_ALPHA = 15;
/** Scores this close to zero are neutral. */
const NEUTRAL_BAND = 0.05;

const WORD = /[a-z0-9]+(?:['’][a-z]+)*/g;

/**
 * Lexicon sentiment for short social text, on natural's AFINN-165 English vocabulary.
 * Plain lookups in a Map (never a plain object: "constructor" must not hit Object.prototype),
 * one pass over the text, no allocation per word beyond the tokenizer's match: this runs on
 * every mention in the pipeline, so it must stay above 100k texts/s on one core.
 */
export class SentimentScorer {
  private readonly lexicon: ReadonlyMap<string, number>;
  private readonly negations: ReadonlySet<string>;

  constructor() {
    const afinn = new SentimentAnalyzer('English', null, 'afinn');
    this.lexicon = new Map(Object.entries(afinn.vocabulary));
    this.negations = new Set([...afinn.negations, 'nor', 'nothing', 'nobody', 'none', 'without', 'cannot']);
  }

  score(text: string): Sentiment {
    const words = text.toLowerCase().match(WORD);
    if (words === null) {
      return { label: 'neutral', score: 0 };
    }
    let sum = 0;
    let negatedUntil = -1;
    for (let index = 0; index < words.length; index++) {
      const word = words[index]!;
      if (this.isNegation(word)) {
        negatedUntil = index + NEGATION_SCOPE;
        continue;
      }
      const value = this.lexicon.get(word);
      if (value !== undefined) {
        sum += index <= negatedUntil ? value * NEGATION_FACTOR : value;
      }
    }
    const score = round(sum / Math.sqrt(sum * sum + NORMALIZATION_ALPHA));
    return { label: labelFor(score), score };
  }

  private isNegation(word: string): boolean {
    return this.negations.has(word) || word.endsWith("n't") || word.endsWith('n’t');
  }
}

function labelFor(score: number): SentimentLabel {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
