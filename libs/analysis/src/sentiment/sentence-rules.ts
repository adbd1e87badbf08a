import type { SentimentLabel } from '@watchfloor/domain';
import { CONTRASTS } from './social-lexicon';
import type { SocialToken } from './social-tokenizer';

/** A token or phrase that moved the score, where it stands, and by how much. */
export interface Item {
  text: string;
  weight: number;
  position: number;
}

/**
 * Where a post stops being neutral, on the normalized score. Asymmetric on purpose: people use
 * positive words loosely ("lol", "please", "ok", "like"), negative ones rarely in passing, and a
 * missed complaint costs more than a second look. -0.05 is VADER's documented boundary; 0.2 keeps
 * polite chatter out of praise.
 */
export const POSITIVE_THRESHOLD = 0.2;
export const NEGATIVE_THRESHOLD = 0.05;
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const SUPERLATIVES = new Set(['worst', 'best', 'greatest', 'terrible', 'horrible', 'awful', 'amazing']);

export function labelOf(score: number): SentimentLabel {
  if (score >= POSITIVE_THRESHOLD) return 'positive';
  if (score <= -NEGATIVE_THRESHOLD) return 'negative';
  return 'neutral';
}

/**
 * Words inside a run of Capitalised Words in mid-sentence are a name ("Arrested Development", "Ghost
 * Busters", a product or a shop), not sentiment; unless the whole post is in title case, or the run
 * starts with a superlative ("the Worst Service Ever" is shouting).
 */
export function namePositions(tokens: readonly SocialToken[]): Set<number> {
  const names = new Set<number>();
  let words = 0;
  let capitalised = 0;
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    words++;
    if (isCapitalised(token.raw)) capitalised++;
  }
  if (capitalised < 2 || capitalised * 5 > words * 3) return names;
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (tokens[index - 1]!.kind === 'break' || token.kind !== 'word' || !isCapitalised(token.raw)) continue;
    let end = index;
    while (end + 1 < tokens.length && tokens[end + 1]!.kind === 'word' && isCapitalised(tokens[end + 1]!.raw)) end++;
    if (end > index && !SUPERLATIVES.has(token.key)) for (let at = index; at <= end; at++) names.add(at);
    index = end;
  }
  return names;
}

function isCapitalised(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first < 65 || first > 90 || raw.length < 2) return false;
  for (let index = 1; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code >= 65 && code <= 90) return false;
  }
  return true;
}

/** Capitals as shouting, when the rest of the post is not in capitals. */
export function isShouted(raw: string): boolean {
  let letters = 0;
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) letters++;
  }
  return letters > 1;
}

/** "The crew was great but the delay was awful": what follows the last "but" weighs more. */
export function applyContrast(items: Item[], tokens: readonly SocialToken[]): void {
  let contrastAt = -1;
  for (let index = tokens.length - 1; index >= 0; index--) {
    if (tokens[index]!.kind === 'word' && CONTRASTS.has(tokens[index]!.key)) {
      contrastAt = index;
      break;
    }
  }
  if (contrastAt < 0) return;
  for (const item of items) item.weight *= item.position < contrastAt ? CONTRAST_BEFORE : CONTRAST_AFTER;
}

/** VADER's emphasis: up to four "!" add 0.292 each; several "?" add a little, in the sum's direction. */
export function punctuationEmphasis(exclamations: number, questions: number): number {
  const bang = Math.min(exclamations, 4) * 0.292;
  const query = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
  return bang + query;
}

/**
 * How far the score is from its label's boundary, discounted when the text pulls both ways ("love
 * the crew, hate the delays"): the readings a person should check come out low. Nothing to go on
 * reads as neutral with middling confidence.
 */
export function confidenceOf(label: SentimentLabel, score: number, items: readonly Item[]): number {
  let positive = 0;
  let negative = 0;
  for (const item of items) {
    if (item.weight > 0) positive += item.weight;
    else negative -= item.weight;
  }
  if (positive + negative === 0) return 0.6;
  const magnitude = Math.abs(score);
  let margin: number;
  if (label === 'positive') margin = (magnitude - POSITIVE_THRESHOLD) / (1 - POSITIVE_THRESHOLD);
  else if (label === 'negative') margin = (magnitude - NEGATIVE_THRESHOLD) / (1 - NEGATIVE_THRESHOLD);
  else margin = 1 - magnitude / (score > 0 ? POSITIVE_THRESHOLD : NEGATIVE_THRESHOLD);
  const mixed = Math.min(positive, negative) / (positive + negative);
  return round(Math.min(1, 0.5 + margin) * (1 - mixed));
}

export function round(value: number): number {
  return Math.round(value * 1_000) / 1_000;
}
