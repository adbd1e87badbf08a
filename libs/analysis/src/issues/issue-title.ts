/**
 * An issue's title: what its posts say together, as a phrase ("lost my bag", "flight SK417
 * cancelled"), never the brand or a listening query's own words (they brought the posts in, so they
 * are in all of them and name nothing).
 */
import type { PhraseCount } from './issue-phrases';
import type { CentroidTerms } from './issue-samples';

/**
 * A phrase names the issue once this share of its voices wrote it (and at least two): at one in
 * five, "lost my bag" titles a day of lost-bag posts told in different words; a phrase two posts
 * of a hundred share is a coincidence.
 */
const MIN_PHRASE_SHARE = 0.2;
const MIN_PHRASE_POSTS = 2;
/** Phrases in a title: a second one only if it adds words ("lost my bag · no luggage for three days"). */
const MAX_PHRASES = 2;
/** Entries in a title with a phrase in it; without one it falls back to this many single terms. */
const MAX_ENTRIES_WITH_PHRASE = 3;
const MAX_TERMS_ALONE = 5;

export interface TitleSource {
  voices: number;
  phrases: ReadonlyMap<string, PhraseCount>;
  terms: CentroidTerms;
}

/**
 * The title, the entry that names the issue best first: its most shared phrases (a trigram beats
 * the bigram inside it unless the bigram is a quarter more frequent), then its heaviest single
 * features; only terms when no phrase is shared enough. Nothing in it holds an `excluded` word.
 */
export function issueTitle({ voices, phrases, terms }: TitleSource, excluded: ReadonlySet<string>): string[] {
  const minPosts = Math.max(MIN_PHRASE_POSTS, Math.ceil(voices * MIN_PHRASE_SHARE));
  const candidates = [...phrases]
    .map(([key, phrase]) => ({ key, phrase, score: ((phrase.count - phrase.error) * (phrase.words + 2)) / 4 }))
    .filter(({ key, phrase }) => phrase.count - phrase.error >= minPosts && !holdsExcluded(key, phrase, excluded))
    .sort((a, b) => b.score - a.score || compare(a.key, b.key));
  const title: string[] = [];
  const used = new Set<string>();
  for (const { key, phrase } of candidates) {
    if (title.length === MAX_PHRASES) break;
    const words = key.toLowerCase().split(' ');
    if (words.some((word) => used.has(word))) continue;
    title.push(phrase.surface);
    for (const word of words) used.add(word);
  }
  const max = title.length > 0 ? MAX_ENTRIES_WITH_PHRASE : MAX_TERMS_ALONE;
  const heaviest = [...terms]
    .map(([feature, term]) => ({ feature, mass: term.count * term.weight }))
    .sort((a, b) => b.mass - a.mass || compare(a.feature, b.feature));
  for (const { feature } of heaviest) {
    if (title.length >= max) break;
    const words = feature.toLowerCase().split(' ');
    if (excluded.has(feature) || words.some((word) => excluded.has(word) || used.has(word))) continue;
    title.push(feature);
    for (const word of words) used.add(word);
  }
  return title;
}

/** Checked again when a title is made: the queries may have changed since the phrase was counted. */
function holdsExcluded(key: string, phrase: PhraseCount, excluded: ReadonlySet<string>): boolean {
  if (excluded.size === 0) return false;
  return (
    key.split(' ').some((word) => excluded.has(word)) || phrase.surface.split(' ').some((word) => excluded.has(word))
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
