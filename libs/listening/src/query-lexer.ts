import { QuerySyntaxError } from './query-ast';

export type Token =
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' | 'end'; column: number }
  | { kind: 'near'; distance: number; column: number }
  | { kind: 'phrase'; words: string[]; column: number }
  | { kind: 'word' | 'hashtag' | 'mention'; value: string; column: number }
  | { kind: 'field'; field: 'lang' | 'from'; value: string; column: number };

/** The longest query we accept: enough for any real listening query, small enough to bound the work. */
export const MAX_QUERY_LENGTH = 2_000;
export const MAX_NEAR_DISTANCE = 50;

const WORD_CHARACTER = /[\p{L}\p{N}_'’.-]/u;
const FIELDS = ['lang', 'from'] as const;

/** Splits a phrase or a mention's text into the words the matcher compares. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+(?:['’.-][\p{L}\p{N}_]+)*/gu) ?? [];
}

/** Turns query text into tokens, each with the column it starts at. */
export function tokenize(text: string): Token[] {
  // Typed as a string, but queries arrive from outside (API bodies, files, the CLI).
  if (typeof text !== 'string') throw new QuerySyntaxError('A query must be text', 1);
  if (text.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(`A query can be at most ${MAX_QUERY_LENGTH} characters long`, MAX_QUERY_LENGTH + 1);
  }
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    const column = index + 1;
    if (/\s/.test(character)) {
      index++;
    } else if (character === '(' || character === ')') {
      tokens.push({ kind: character === '(' ? 'lparen' : 'rparen', column });
      index++;
    } else if (character === '"' || character === '“' || character === '”') {
      const close = text.slice(index + 1).search(/["“”]/);
      if (close === -1) throw new QuerySyntaxError('This quote is never closed', column);
      const words = wordsOf(text.slice(index + 1, index + 1 + close));
      if (words.length === 0) throw new QuerySyntaxError('An exact phrase needs at least one word', column);
      tokens.push({ kind: 'phrase', words, column });
      index += close + 2;
    } else if (character === '-' && index + 1 < text.length && !/\s/.test(text[index + 1]!)) {
      tokens.push({ kind: 'minus', column });
      index++;
    } else {
      let end = index;
      while (end < text.length && !/[\s()"“”]/.test(text[end]!)) end++;
      tokens.push(classify(text.slice(index, end), column));
      index = end;
    }
  }
  tokens.push({ kind: 'end', column: text.length + 1 });
  return tokens;
}

function classify(raw: string, column: number): Token {
  if (raw === 'AND' || raw === 'OR' || raw === 'NOT')
    return { kind: raw.toLowerCase() as 'and' | 'or' | 'not', column };
  const near = /^NEAR\/(\d+)$/.exec(raw);
  if (near !== null) {
    const distance = Number(near[1]);
    if (distance < 1 || distance > MAX_NEAR_DISTANCE) {
      throw new QuerySyntaxError(`NEAR takes a distance from 1 to ${MAX_NEAR_DISTANCE} words`, column);
    }
    return { kind: 'near', distance, column };
  }
  if (raw.startsWith('NEAR')) throw new QuerySyntaxError('Write NEAR with a distance, like NEAR/5', column);
  if (raw.startsWith('#') || raw.startsWith('@')) {
    const value = raw.slice(1).toLowerCase();
    if (!/^[\p{L}\p{N}_.-]+$/u.test(value))
      throw new QuerySyntaxError(`"${raw}" is not a valid ${raw[0] === '#' ? 'hashtag' : 'handle'}`, column);
    return { kind: raw.startsWith('#') ? 'hashtag' : 'mention', value, column };
  }
  const field = /^([a-zA-Z]+):(.*)$/.exec(raw);
  if (field !== null) {
    const name = field[1]!.toLowerCase();
    const value = field[2]!.replace(/^@/, '').toLowerCase();
    if (!(FIELDS as readonly string[]).includes(name)) {
      throw new QuerySyntaxError(`Unknown field "${name}:" (known: ${FIELDS.join(', ')})`, column);
    }
    if (name === 'lang' && !/^[a-z]{2,3}$/.test(value)) {
      throw new QuerySyntaxError('lang: takes a language code such as lang:en', column);
    }
    if (name === 'from' && !/^[\p{L}\p{N}_.-]+$/u.test(value))
      throw new QuerySyntaxError('from: takes a handle such as from:skylarkair', column);
    return { kind: 'field', field: name as 'lang' | 'from', value, column };
  }
  const words = wordsOf(raw);
  if (words.length !== 1 || !WORD_CHARACTER.test(raw)) {
    if (words.length > 1) return { kind: 'phrase', words, column };
    throw new QuerySyntaxError(`"${raw}" is not a word Watchfloor can search for`, column);
  }
  return { kind: 'word', value: words[0]!, column };
}
