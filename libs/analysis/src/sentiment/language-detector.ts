import { words as dutch } from 'natural/lib/natural/util/stopwords_nl';
import { words as french } from 'natural/lib/natural/util/stopwords_fr';
import { words as italian } from 'natural/lib/natural/util/stopwords_it';
import { words as portuguese } from 'natural/lib/natural/util/stopwords_pt';
import { words as spanish } from 'natural/lib/natural/util/stopwords_es';
import { detect } from 'tinyld';
import type { SocialToken } from './social-tokenizer';

/** "Undetermined" (ISO 639-2): no words to judge a language by (emoji, links, handles only). */
export const UNDETERMINED = 'und';

/** natural has no German list; these are German's commonest function words. */
const GERMAN = [
  'der',
  'die',
  'das',
  'und',
  'ist',
  'nicht',
  'ich',
  'sie',
  'es',
  'ein',
  'eine',
  'einen',
  'mit',
  'auf',
  'für',
  'von',
  'zu',
  'den',
  'dem',
  'des',
  'sich',
  'auch',
  'wie',
  'aber',
  'noch',
  'nur',
  'bei',
  'nach',
  'wir',
  'ihr',
  'wird',
  'sind',
  'war',
  'hat',
  'haben',
  'kein',
  'keine',
  'mein',
  'meine',
  'dass',
  'schon',
  'sehr',
  'heute',
];

const ENGLISH = 'en';
const SHARED = '';

/** Foreign function words that English posts use too: "give 'em hell", "ha ha", "la la land". */
const ENGLISH_TOO = new Set(['em', 'ha', 'la', 'el', 'die', 'done', 'son', 'con', 'me', 'he']);

/**
 * The language of a post: the platform's tag when it gave one; otherwise English unless the post
 * shows another language, by its script or by function words that are not English ones. Only then
 * is tinyld asked which language it is: n-gram detection is slow (~7,500 texts/s here) and on
 * short posts unreliable (it called 6 % of the VADER tweets, all English, something else), while
 * function words are certain evidence and cost a lookup each.
 */
export class LanguageDetector {
  /** Each function word's language: ENGLISH, a foreign code, or SHARED (two foreign languages use it). */
  private readonly functionWords = new Map<string, string>();

  constructor(englishFunctionWords: ReadonlySet<string>) {
    const lists: [string, readonly string[]][] = [
      ['es', spanish],
      ['fr', french],
      ['it', italian],
      ['nl', dutch],
      ['pt', portuguese],
      ['de', GERMAN],
    ];
    for (const [language, words] of lists) {
      for (const word of words) {
        // Words two languages share ("de", "a") say nothing about which one: only unambiguous ones count.
        if (englishFunctionWords.has(word) || ENGLISH_TOO.has(word) || word.length < 2) continue;
        const claimed = this.functionWords.get(word);
        this.functionWords.set(word, claimed === undefined || claimed === language ? language : SHARED);
      }
    }
    for (const word of englishFunctionWords) this.functionWords.set(word, ENGLISH);
  }

  /** Hot path: one map lookup a word. */
  detect(text: string, tokens: readonly SocialToken[], given?: string): string {
    if (given !== undefined && given !== '' && given !== UNDETERMINED) return primarySubtag(given);
    let words = 0;
    let english = 0;
    let foreign = 0;
    let nonLatin = 0;
    let votes: Map<string, number> | undefined;
    for (const token of tokens) {
      if (token.kind !== 'word') continue;
      words++;
      if (token.key.charCodeAt(0) > 0x24f) nonLatin++;
      const language = this.functionWords.get(token.key);
      if (language === undefined) continue;
      if (language === ENGLISH) {
        english++;
        continue;
      }
      foreign++;
      if (language !== SHARED) {
        votes ??= new Map();
        votes.set(language, (votes.get(language) ?? 0) + 1);
      }
    }
    if (words === 0) return UNDETERMINED;
    if (nonLatin * 2 > words) return detect(text) || UNDETERMINED;
    if (foreign < 2 || foreign <= english) return 'en';
    const ranked = [...(votes ?? [])].sort((a, b) => b[1] - a[1]);
    return ranked[0] !== undefined && ranked[0][1] > (ranked[1]?.[1] ?? 0)
      ? ranked[0][0]
      : detect(text) || UNDETERMINED;
  }
}

/** "en-GB" → "en", "pt_BR" → "pt": sentiment is read per language, not per region. */
export function primarySubtag(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? tag;
}
