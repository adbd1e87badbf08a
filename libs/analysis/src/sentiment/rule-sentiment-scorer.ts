import { words as englishStopwords } from 'natural/lib/natural/util/stopwords';
import type { Sentiment } from '@watchfloor/domain';
import { EMOJI_VALENCE } from './emoji-valence';
import { HashtagSegmenter } from './hashtag-segmenter';
import { LanguageDetector, UNDETERMINED } from './language-detector';
import { buildPhraseIndex } from './phrases';
import type { Phrase } from './phrases';
import {
  applyContrast,
  confidenceOf,
  isShouted,
  labelOf,
  namePositions,
  punctuationEmphasis,
  round,
} from './sentence-rules';
import type { Item } from './sentence-rules';
import {
  BOOST,
  BOOSTERS,
  CAPS_BOOST,
  CONTRASTS,
  FAILURE_MARKERS,
  INTERJECTIONS,
  NEGATED_CUES,
  NEGATIONS,
  NEGATION_FACTOR,
  buildLexicon,
} from './social-lexicon';
import { tokenize } from './social-tokenizer';
import type { SocialToken, TokenizedText } from './social-tokenizer';

/** A token (or phrase, or punctuation) that moved the score, and by how much. */
export interface SentimentEvidence {
  text: string;
  weight: number;
}

export interface SentimentReading extends Sentiment {
  /** How sure the reading is, 0 to 1: low for mixed or borderline texts, 0 for unsupported languages. */
  confidence: number;
  /** The language read (ISO 639-1), the platform's or detected; "und" when there were no words. */
  lang: string;
  explanation: SentimentEvidence[];
}

/** Languages the rules and lexicon are written for; "und" (emoji and emoticons only) reads fine too. */
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(['en', UNDETERMINED]);

/** Squashes the sum of valences into (-1, 1), as VADER does. */
const NORMALIZATION_ALPHA = 15;
const LOOKBACK = 3;
const LOOKBACK_DECAY = [1, 0.95, 0.9];
/** VADER's: "never so good" is better than "so good". */
const NEVER_SO = 1.25;
/** "like" is praise after these ("I really like it"), and a filler elsewhere ("it's like 3 hours late"). */
const LIKE_SUBJECTS = new Set(
  ['i', 'me', 'we', 'you', 'they', 'really', 'would', 'do', 'does', 'did', 'also', 'just', "i'd", 'definitely'].concat([
    'totally',
    'to',
    'dont',
    "don't",
    'didnt',
    "didn't",
    'doesnt',
    "doesn't",
  ]),
);

/** What the rules read, with what they read it from: the learned model takes its features from here. */
export interface RuleAnalysis {
  /** The rules' reading; its explanation is built by `score`, from `items`. */
  reading: Omit<SentimentReading, 'explanation'>;
  /** The post's tokens, hashtags that read as words expanded into those words. */
  tokens: SocialToken[];
  tokenized: TokenizedText;
  /** The tokens and phrases that moved the score, with their positions in `tokens`. */
  items: Item[];
  /** The unsquashed sum of the items' weights. */
  sum: number;
}

/**
 * Sentiment for social text by rules alone: VADER's rules (boosters, negation, capitals, contrast, emphasis) on
 * VADER's and natural's AFINN lexicons, plus what posts about brands need: emoji, hashtags read as
 * words, stretched words, names that are not opinions ("Best Buy", "Arrested Development"),
 * complaint cues without a sentiment word ("still waiting", "doesn't work", "lost my bag"), and a
 * language check. Every reading says which tokens moved it. Deterministic; no I/O after
 * construction; Maps and Sets for every table ("constructor" is just a word here).
 */
export class RuleSentimentScorer {
  private readonly lexicon = buildLexicon();
  private readonly phrases = buildPhraseIndex();
  private readonly emoticons: ReadonlySet<string>;
  private readonly segmenter: HashtagSegmenter;
  private readonly languages: LanguageDetector;

  constructor() {
    this.emoticons = new Set([...this.lexicon.keys()].filter((key) => !/^[\p{L}\p{N}'-]+$/u.test(key)));
    const functionWords = new Set<string>([...englishStopwords, ...NEGATIONS, ...BOOSTERS.keys()]);
    this.segmenter = new HashtagSegmenter(
      new Set([...[...this.lexicon.keys()].filter((key) => /^[a-z]+$/.test(key)), ...functionWords]),
    );
    this.languages = new LanguageDetector(functionWords);
  }

  /** `lang`: the platform's language tag, when it gave one; otherwise the language is detected. */
  score(text: string, lang?: string): SentimentReading {
    const { reading, items } = this.analyse(text, lang);
    const explanation: SentimentEvidence[] = [];
    for (const item of items) if (item.weight !== 0) explanation.push({ text: item.text, weight: round(item.weight) });
    return { ...reading, explanation };
  }

  analyse(text: string, lang?: string): RuleAnalysis {
    const tokenized = tokenize(text, this.emoticons);
    const language = this.languages.detect(text, tokenized.tokens, lang);
    if (!SUPPORTED_LANGUAGES.has(language)) {
      const reading = { label: 'unsupported' as const, score: 0, confidence: 0, lang: language };
      return { reading, tokens: tokenized.tokens, tokenized, items: [], sum: 0 };
    }
    const tokens = this.expandHashtags(tokenized.tokens);
    const items = this.valences(tokens, tokenized.mixedCase);
    const names = namePositions(tokens);
    const reported = isReportedNews(tokenized) ? REPORTED_NEWS_WEIGHT : 1;
    applyContrast(items, tokens);
    let sum = 0;
    for (const item of items) {
      if (names.has(item.position)) item.weight = 0;
      item.weight *= reported;
      sum += item.weight;
    }
    const emphasis = punctuationEmphasis(tokenized.exclamations, tokenized.questions);
    if (sum !== 0 && emphasis > 0) {
      const signed = sum > 0 ? emphasis : -emphasis;
      const marks = '!'.repeat(Math.min(tokenized.exclamations, 4)) || '??';
      items.push({ text: marks, weight: signed, position: tokens.length });
      sum += signed;
    }
    const score = round(sum / Math.sqrt(sum * sum + NORMALIZATION_ALPHA));
    const label = labelOf(score);
    const reading = { label, score, confidence: confidenceOf(label, score, items), lang: language };
    return { reading, tokens, tokenized, items, sum };
  }

  /** Hashtags that read as words become those words (#NeverAgain → never again); others stay tags. */
  private expandHashtags(tokens: SocialToken[]): SocialToken[] {
    if (!tokens.some((token) => token.kind === 'hashtag')) return tokens;
    const expanded: SocialToken[] = [];
    for (const token of tokens) {
      const words = token.kind === 'hashtag' ? this.segmenter.segment(token.raw) : null;
      if (words === null) expanded.push(token);
      else for (const word of words) expanded.push({ kind: 'word', key: word, raw: `#${word}` });
    }
    return expanded;
  }

  private valences(tokens: SocialToken[], mixedCase: boolean): Item[] {
    const items: Item[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      if (token.kind === 'emoji' || token.kind === 'emoticon') {
        const valence = token.kind === 'emoji' ? EMOJI_VALENCE.get(token.key) : this.lexicon.get(token.key);
        if (valence !== undefined) items.push({ text: token.raw, weight: valence, position: index });
        continue;
      }
      if (token.kind !== 'word') continue;
      const phrase = this.phraseAt(tokens, index);
      if (phrase !== undefined) {
        items.push({ text: phrase.text, weight: phrase.valence, position: index });
        index += phrase.words.length - 1;
        continue;
      }
      const valence = this.wordValence(tokens, index, mixedCase);
      if (valence !== 0) items.push({ text: token.raw, weight: valence, position: index });
    }
    return items;
  }

  private phraseAt(tokens: SocialToken[], index: number): Phrase | undefined {
    const candidates = this.phrases.get(tokens[index]!.key);
    if (candidates === undefined) return undefined;
    return candidates.find((phrase) =>
      phrase.words.every((word, offset) => {
        const token = tokens[index + offset];
        return token !== undefined && token.kind === 'word' && token.key === word;
      }),
    );
  }

  private wordValence(tokens: SocialToken[], index: number, mixedCase: boolean): number {
    const token = tokens[index]!;
    const key = token.key;
    // Degree words modify the next word and carry nothing themselves ("kind of" included).
    if (BOOSTERS.has(key) || (key === 'kind' && tokens[index + 1]?.key === 'of')) return 0;
    let valence = this.lexicon.get(key);
    if (valence === undefined && token.stretched === true && hasDoubledLetter(key)) {
      // "goooood" came as "good"; "loooove" as "loove", which is "love".
      valence = this.lexicon.get(key.replace(/(\w)\1+/g, '$1'));
    }
    if (valence === undefined) return NEGATED_CUES.has(key) ? this.negatedCue(tokens, index) : 0;
    // Single letters ("l" of ":l", "x") are in the lexicons by accident, not as words.
    if (valence === 0 || key.length < 2) return 0;
    if (key === 'like' && !LIKE_SUBJECTS.has(tokens[index - 1]?.key ?? '')) return 0;
    // "no" before a sentiment word negates it ("no good") rather than counting itself.
    if (key === 'no' && this.lexicon.has(tokens[index + 1]?.key ?? '')) return 0;
    if (mixedCase && isShouted(token.raw)) valence += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
    if (token.stretched === true) valence += valence > 0 ? BOOST : -BOOST;
    return this.modified(tokens, index, valence, mixedCase);
  }

  /**
   * The three words before a sentiment word: degree words raise or lower it, and a negation flips it
   * (VADER's -0.74). A negation belongs to the first sentiment word after it ("aren't good at dirty
   * talk" negates "good" only) and stops at a comma, a full stop or "but".
   */
  private modified(tokens: SocialToken[], index: number, start: number, mixedCase: boolean): number {
    const key = tokens[index]!.key;
    let valence = start;
    let negationTaken = false;
    for (let back = 1; back <= LOOKBACK; back++) {
      const before = tokens[index - back];
      if (before === undefined || before.kind === 'break' || CONTRASTS.has(before.key)) break;
      if (before.kind !== 'word') continue;
      const boost = BOOSTERS.get(before.key);
      if (boost !== undefined) {
        let scalar = (valence > 0 ? boost : -boost) * LOOKBACK_DECAY[back - 1]!;
        if (mixedCase && isShouted(before.raw)) scalar += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
        valence += scalar;
      }
      if (!negationTaken && !INTERJECTIONS.has(key)) {
        if (before.key === 'never' && soOrThisBetween(tokens, index - back, index)) valence *= NEVER_SO;
        else if (isNegation(before.key)) valence *= NEGATION_FACTOR;
        else if (before.key === 'least' && tokens[index - back - 1]?.key !== 'at') valence *= NEGATION_FACTOR;
      }
      if (boost === undefined && !isNegation(before.key) && this.lexicon.has(before.key)) negationTaken = true;
    }
    return valence;
  }

  /** "doesn't work", "never answered", "do not buy", "barely worked": a failure, once something negates the cue. */
  private negatedCue(tokens: SocialToken[], index: number): number {
    for (let back = 1; back <= LOOKBACK; back++) {
      const before = tokens[index - back];
      if (before === undefined || before.kind === 'break' || CONTRASTS.has(before.key)) break;
      if (isNegation(before.key) || FAILURE_MARKERS.has(before.key)) return NEGATED_CUES.get(tokens[index]!.key)!;
      // "would not recommend" yes; "not only did it work" no: a sentiment word in between ends the reach.
      if (this.lexicon.has(before.key) && !BOOSTERS.has(before.key)) break;
    }
    return 0;
  }
}

/** News shared with a link describes events: its words weigh half (people rate headlines near neutral). */
const REPORTED_NEWS_WEIGHT = 0.5;
const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', "i'm", 'im', "i've", "i'll", "i'd", 'we', 'our', 'us']);

/**
 * A shared link with a headline and nothing of the sharer (no "I", no emoji or emoticon, no "!"):
 * news reported, whose words describe events rather than how anyone feels.
 */
function isReportedNews(text: TokenizedText): boolean {
  if (text.links === 0 || text.exclamations > 0) return false;
  for (const token of text.tokens) {
    if (token.kind === 'emoji' || token.kind === 'emoticon') return false;
    if (token.kind === 'word' && FIRST_PERSON.has(token.key)) return false;
  }
  return true;
}

function hasDoubledLetter(key: string): boolean {
  for (let index = 1; index < key.length; index++) if (key.charCodeAt(index) === key.charCodeAt(index - 1)) return true;
  return false;
}

function soOrThisBetween(tokens: SocialToken[], from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) {
    if (tokens[index]!.key === 'so' || tokens[index]!.key === 'this') return true;
  }
  return false;
}

function isNegation(key: string): boolean {
  return NEGATIONS.has(key) || key.endsWith("n't");
}
