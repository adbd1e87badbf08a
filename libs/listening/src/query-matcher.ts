import type { ProximityOperand, QueryNode } from './query-ast';
import { wordsOf } from './query-lexer';

export interface MatchableMention {
  text: string;
  authorHandle: string;
  lang?: string;
}

/** A mention cut into what queries look at, once, however many queries then look. */
export interface PreparedMention {
  /** Word → the positions it stands at. */
  positions: Map<string, number[]>;
  words: string[];
  hashtags: Set<string>;
  mentions: Set<string>;
  authorHandle: string;
  lang: string | undefined;
}

export type QueryMatcher = (mention: PreparedMention) => boolean;

export function prepareMention(mention: MatchableMention): PreparedMention {
  const words = wordsOf(mention.text);
  const positions = new Map<string, number[]>();
  words.forEach((word, index) => {
    const list = positions.get(word);
    if (list === undefined) positions.set(word, [index]);
    else list.push(index);
  });
  const tagged = (prefix: string) =>
    new Set(
      Array.from(mention.text.matchAll(new RegExp(`${prefix}([\\p{L}\\p{N}_.-]+)`, 'gu')), (match) =>
        match[1]!.toLowerCase().replace(/[.-]+$/, ''),
      ),
    );
  return {
    positions,
    words,
    hashtags: tagged('#'),
    mentions: tagged('@'),
    authorHandle: mention.authorHandle.replace(/^@/, '').toLowerCase(),
    lang: mention.lang?.toLowerCase(),
  };
}

/**
 * Turns a parsed query into a predicate: the local filter every platform's results pass, so a
 * query means the same everywhere, whatever the platform's own search understood of it.
 */
export function compileMatcher(node: QueryNode): QueryMatcher {
  switch (node.type) {
    case 'and': {
      const children = node.children.map(compileMatcher);
      return (mention) => children.every((child) => child(mention));
    }
    case 'or': {
      const children = node.children.map(compileMatcher);
      return (mention) => children.some((child) => child(mention));
    }
    case 'not': {
      const child = compileMatcher(node.child);
      return (mention) => !child(mention);
    }
    case 'word':
      return (mention) => mention.positions.has(node.word);
    case 'phrase':
      return (mention) => occurrences(node, mention).length > 0;
    case 'hashtag':
      return (mention) => mention.hashtags.has(node.tag);
    case 'mention':
      return (mention) => mention.mentions.has(node.handle);
    case 'lang':
      return (mention) => mention.lang === node.code || (mention.lang?.startsWith(`${node.code}-`) ?? false);
    case 'from':
      return (mention) => mention.authorHandle === node.handle;
    case 'near':
      return (mention) => near(occurrences(node.left, mention), occurrences(node.right, mention), node.distance);
  }
}

/** Where an operand occurs, as [first word, last word] spans. */
function occurrences(operand: ProximityOperand, mention: PreparedMention): [number, number][] {
  if (operand.type === 'word') return (mention.positions.get(operand.word) ?? []).map((at) => [at, at]);
  const [first, ...rest] = operand.words;
  return (mention.positions.get(first!) ?? [])
    .filter((start) => rest.every((word, offset) => mention.words[start + 1 + offset] === word))
    .map((start) => [start, start + rest.length]);
}

/** True if some span of each side lies within `distance` words of the other, in either order. */
function near(left: [number, number][], right: [number, number][], distance: number): boolean {
  return left.some(([leftStart, leftEnd]) =>
    right.some(([rightStart, rightEnd]) => {
      const gap = rightStart > leftEnd ? rightStart - leftEnd : leftStart - rightEnd;
      return gap > 0 && gap <= distance;
    }),
  );
}
