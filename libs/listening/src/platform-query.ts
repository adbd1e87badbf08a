import type { QueryNode } from './query-ast';

/** How a platform's search writes each construct; null where it has none. */
export interface SearchDialect {
  name: string;
  maxLength: number;
  word(word: string): string;
  phrase(words: string[]): string;
  hashtag(tag: string): string;
  mention(handle: string): string;
  /** False where hashtags are searched as plain words (wider than the query). */
  hashtagsExact: boolean;
  /** False where handles are searched as plain words. */
  mentionsExact: boolean;
  from: ((handle: string) => string) | null;
  lang: ((code: string) => string) | null;
  /** Null where the search cannot exclude: exclusions are then left to the local filter. */
  not: ((inner: string) => string) | null;
  /** Null where the search has no OR: the query then becomes several searches (see toPlatformSearches). */
  or: string | null;
}

export interface PlatformQuery {
  /** The query in the platform's own syntax. */
  query: string;
  /**
   * False when the platform cannot say everything the query says (NEAR, a field it lacks): its
   * results are then a superset, and the local filter narrows them to the query's meaning.
   */
  exact: boolean;
}

export class UntranslatableQueryError extends Error {}

type Rendered = { text: string; exact: boolean } | null;

function quote(text: string): string {
  return `"${text.replaceAll('"', '')}"`;
}

/** X API v2 search (recent search and filtered-stream rules). */
export const X_SEARCH: SearchDialect = {
  name: 'X',
  // The Basic tier's limit for one query or stream rule.
  maxLength: 512,
  word: (word) => (/^[\p{L}\p{N}_]+$/u.test(word) ? word : quote(word)),
  phrase: (words) => quote(words.join(' ')),
  hashtag: (tag) => `#${tag}`,
  mention: (handle) => `@${handle}`,
  hashtagsExact: true,
  mentionsExact: true,
  from: (handle) => `from:${handle}`,
  lang: (code) => `lang:${code}`,
  not: (inner) => `-${inner}`,
  or: ' OR ',
};

/** Reddit's search (Lucene-like): no languages; hashtags and handles are plain words there. */
export const REDDIT_SEARCH: SearchDialect = {
  name: 'Reddit',
  maxLength: 512,
  word: (word) => (/^[\p{L}\p{N}_]+$/u.test(word) ? word : quote(word)),
  phrase: (words) => quote(words.join(' ')),
  hashtag: (tag) => tag,
  mention: (handle) => handle,
  hashtagsExact: false,
  mentionsExact: false,
  from: (handle) => `author:${handle}`,
  lang: null,
  not: (inner) => `NOT ${inner}`,
  or: ' OR ',
};

/**
 * Writes a query in a platform's search syntax. What the platform cannot express is widened,
 * never narrowed (a NEAR becomes both words; an exclusion of something widened is left out), so
 * the platform returns at least every matching post and the local filter does the rest.
 */
export function toPlatformQuery(node: QueryNode, dialect: SearchDialect): PlatformQuery {
  if (dialect.or === null) {
    throw new UntranslatableQueryError(`${dialect.name} search has no OR: use toPlatformSearches`);
  }
  const rendered = render(node, dialect);
  if (rendered === null) {
    throw new UntranslatableQueryError(
      `${dialect.name} search cannot narrow this query down: add a word, phrase, hashtag or handle`,
    );
  }
  if (rendered.text.length > dialect.maxLength) {
    throw new UntranslatableQueryError(
      `This query is ${rendered.text.length} characters in ${dialect.name}'s syntax; ${dialect.name} takes at most ${dialect.maxLength}: split it`,
    );
  }
  return { query: rendered.text, exact: rendered.exact };
}

function render(node: QueryNode, dialect: SearchDialect): Rendered {
  switch (node.type) {
    case 'word':
      return { text: dialect.word(node.word), exact: true };
    case 'phrase':
      return { text: dialect.phrase(node.words), exact: true };
    case 'hashtag':
      return { text: dialect.hashtag(node.tag), exact: dialect.hashtagsExact };
    case 'mention':
      return { text: dialect.mention(node.handle), exact: dialect.mentionsExact };
    case 'from':
      return dialect.from === null ? null : { text: dialect.from(node.handle), exact: true };
    case 'lang':
      return dialect.lang === null ? null : { text: dialect.lang(node.code), exact: true };
    case 'near': {
      const both = render({ type: 'and', children: [node.left, node.right] }, dialect);
      return both === null ? null : { text: both.text, exact: false };
    }
    case 'not': {
      // Excluding a widened set would exclude too much: leave such an exclusion to the local filter.
      const inner = render(node.child, dialect);
      if (inner === null || !inner.exact || dialect.not === null) return null;
      return { text: dialect.not(group(node.child, inner.text)), exact: true };
    }
    case 'and': {
      const parts = node.children.map((child) => ({ child, rendered: render(child, dialect) }));
      const kept = parts.filter((part) => part.rendered !== null);
      if (kept.length === 0) return null;
      return {
        text: kept.map((part) => group(part.child, part.rendered!.text)).join(' '),
        exact: kept.length === parts.length && kept.every((part) => part.rendered!.exact),
      };
    }
    case 'or': {
      if (dialect.or === null) return null;
      const separator = dialect.or;
      const parts = node.children.map((child) => render(child, dialect));
      // One alternative the platform cannot narrow means any post could match.
      if (parts.some((part) => part === null)) return null;
      return { text: parts.map((part) => part!.text).join(separator), exact: parts.every((part) => part!.exact) };
    }
  }
}

/** Mastodon's full-text search (4.2+): no OR, `language:` for languages, `-` to exclude. */
export const MASTODON_SEARCH: SearchDialect = {
  name: 'Mastodon',
  maxLength: 500,
  word: (word) => (/^[\p{L}\p{N}_]+$/u.test(word) ? word : quote(word)),
  phrase: (words) => quote(words.join(' ')),
  hashtag: (tag) => `#${tag}`,
  // A handle has no search operator of its own: its name as a word finds the posts that mention it.
  mention: (handle) => handle,
  hashtagsExact: true,
  mentionsExact: false,
  from: (handle) => `from:${handle}`,
  lang: (code) => `language:${code}`,
  not: (inner) => `-${inner}`,
  or: null,
};

/**
 * Bluesky's `app.bsky.feed.searchPosts`: words, "phrases", #tags, `mentions:`, `from:` and `lang:`;
 * no OR and no documented exclusion, so exclusions are left to the local filter.
 */
export const BLUESKY_SEARCH: SearchDialect = {
  name: 'Bluesky',
  maxLength: 300,
  word: (word) => (/^[\p{L}\p{N}_]+$/u.test(word) ? word : quote(word)),
  phrase: (words) => quote(words.join(' ')),
  hashtag: (tag) => `#${tag}`,
  mention: (handle) => `mentions:${handle}`,
  hashtagsExact: true,
  mentionsExact: true,
  from: (handle) => `from:${handle}`,
  lang: (code) => `lang:${code}`,
  not: null,
  or: null,
};

/** Parenthesizes a rendered OR where it sits inside AND or NOT. */
function group(node: QueryNode, text: string): string {
  return node.type === 'or' ? `(${text})` : text;
}
