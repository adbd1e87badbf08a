import { EMOJI_VALENCE } from './emoji-valence';
import { isShouted } from './sentence-rules';

/** `break`: punctuation that ends a clause, where a negation's reach stops ("Nope, still clueless"). */
export type TokenKind = 'word' | 'hashtag' | 'emoji' | 'emoticon' | 'break';

export interface SocialToken {
  kind: TokenKind;
  /** Lower case, curly apostrophes straightened. */
  key: string;
  /** As written: ALL CAPS is judged on it. */
  raw: string;
  /** Letters repeated three times or more ("sooooo"), kept twice in the key ("soo"): emphasis. */
  stretched?: true;
}

export interface TokenizedText {
  tokens: SocialToken[];
  /** Links the post shares. */
  links: number;
  exclamations: number;
  questions: number;
  /** Some words, not all, in capitals: only then do capitals read as shouting. */
  mixedCase: boolean;
}

/**
 * One regular expression, run once over the text: links and @handles (matched to be skipped),
 * hashtags, words (with inner apostrophes and hyphens: "mock-ups" is not "mock"), emoji, the
 * common emoticons, runs of ! and ?, and clause punctuation.
 */
const TOKEN =
  /https?:\/\/\S+|www\.\S+|@[\p{L}\p{N}_]+|#[\p{L}\p{N}_]+|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|\p{Extended_Pictographic}|(?<![\p{L}\p{N}])(?:<\/?3|[:;=8xX]['"^]?-?[^\s\p{L}\p{N}]{1,3}|[:;=8]['"^]?-?[a-zA-Z0-9](?![\p{L}\p{N}])|[)(dD]-?[:;=]|\^_*\^|-_+-)(?![\p{L}\p{N}])|[!?]+|[.,;:()"“”…—–]+/gu;

/** Emoticons are whole chunks between spaces ("o_O", ">:[", "D:"); none is longer than this. */
const LONGEST_EMOTICON = 8;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Platforms deliver `&amp;` and friends (X does, and so do the shared data sets): decode before reading. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name]!) : text;
}

/**
 * Cuts a post into what sentiment is read from. Hot path (every mention): one regex pass, the text
 * lower-cased once, character codes rather than regexes for each token's kind.
 */
export function tokenize(input: string, emoticons: ReadonlySet<string>): TokenizedText {
  const text = decodeEntities(input);
  // Lower-casing can change the length of some scripts ("İ"): then each token is lower-cased alone.
  const whole = text.toLowerCase();
  const lower = whole.length === text.length ? whole : null;
  const curly = text.includes('’');
  const tokens: SocialToken[] = [];
  let exclamations = 0;
  let questions = 0;
  let links = 0;
  let shoutedWords = 0;
  let words = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const first = raw.charCodeAt(0);
    if (start === 0 || isSpace(text.charCodeAt(start - 1))) {
      const chunkEnd = endOfChunk(text, end);
      if (chunkEnd - start <= LONGEST_EMOTICON && (chunkEnd > end || !isAlphanumeric(first))) {
        const chunk = emoticonKey(text.slice(start, chunkEnd), emoticons);
        if (chunk !== undefined) {
          tokens.push({ kind: 'emoticon', key: chunk, raw: text.slice(start, chunkEnd) });
          TOKEN.lastIndex = chunkEnd;
          continue;
        }
      }
    }
    if (first === 33 || first === 63) {
      // A run of ! and ?: emphasis, counted as VADER counts it; and the end of a clause.
      for (let index = 0; index < raw.length; index++) {
        if (raw.charCodeAt(index) === 33) exclamations++;
        else questions++;
      }
      tokens.push({ kind: 'break', key: raw, raw });
      continue;
    }
    if (first === 64) continue;
    if ((first === 104 && raw.startsWith('http')) || (first === 119 && raw.startsWith('www.'))) {
      links++;
      continue;
    }
    if (first === 35) {
      const tag = raw.slice(1);
      tokens.push({ kind: 'hashtag', key: keyOf(lower, tag, start + 1, end, curly), raw: tag });
      continue;
    }
    if (isAlphanumeric(first) || (first > 127 && !EMOJI_VALENCE.has(raw) && /^[\p{L}\p{N}]/u.test(raw))) {
      words++;
      if (isShouted(raw)) shoutedWords++;
      const key = keyOf(lower, raw, start, end, curly);
      if (hasTripledLetter(key))
        tokens.push({ kind: 'word', key: key.replace(/(.)\1{2,}/gu, '$1$1'), raw, stretched: true });
      else tokens.push({ kind: 'word', key, raw });
      continue;
    }
    if (EMOJI_VALENCE.has(raw)) {
      tokens.push({ kind: 'emoji', key: raw, raw });
      continue;
    }
    const emoticon = emoticonKey(raw, emoticons);
    if (emoticon !== undefined) {
      tokens.push({ kind: 'emoticon', key: emoticon, raw });
      continue;
    }
    if (isClausePunctuation(first)) tokens.push({ kind: 'break', key: raw, raw });
  }
  return { tokens, links, exclamations, questions, mixedCase: shoutedWords > 0 && shoutedWords < words };
}

/** The lexicon's spelling of an emoticon: as written, or in lower case (":O" is listed as ":o"). */
function emoticonKey(text: string, emoticons: ReadonlySet<string>): string | undefined {
  if (emoticons.has(text)) return text;
  const lower = text.toLowerCase();
  return emoticons.has(lower) ? lower : undefined;
}

function keyOf(lower: string | null, raw: string, start: number, end: number, curly: boolean): string {
  const key = lower === null ? raw.toLowerCase() : lower.slice(start, end);
  return curly ? key.replace(/’/g, "'") : key;
}

function hasTripledLetter(key: string): boolean {
  for (let index = 2; index < key.length; index++) {
    const code = key.charCodeAt(index);
    if (code === key.charCodeAt(index - 1) && code === key.charCodeAt(index - 2)) return true;
  }
  return false;
}

function endOfChunk(text: string, from: number): number {
  let index = from;
  while (index < text.length && !isSpace(text.charCodeAt(index))) index++;
  return index;
}

function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000
  );
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isClausePunctuation(code: number): boolean {
  return (
    code === 46 ||
    code === 44 ||
    code === 59 ||
    code === 58 ||
    code === 40 ||
    code === 41 ||
    code === 34 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2026 ||
    code === 0x2014 ||
    code === 0x2013
  );
}
