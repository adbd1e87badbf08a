/**
 * The phrases an issue's title is made of: runs of two or three content words a post wrote next to
 * each other ("lost my bag", "double charged", "flight SK417 cancelled"), counted per issue in a
 * fixed number of slots.
 */
import { TOKEN_PATTERN_SOURCE, URL_PATTERN_SOURCE, isCode, wordFeature } from './issue-features';

/** One phrase as a post wrote it. */
export interface PhraseOccurrence {
  /** Its content words as features ("lost bag" for "lost my bags"): the spellings of one phrase meet on it. */
  key: string;
  /** As written, lower-cased but for codes and acronyms, stopwords inside kept ("lost my bags"). */
  surface: string;
  /** Content words in it: 2 or 3. */
  words: number;
}

/**
 * Stopwords, short words and numbers allowed between two content words of a phrase: two keep
 * "waiting for my refund" whole; more and the words stop belonging together.
 */
const MAX_FILLERS_BETWEEN = 2;
const URL_PATTERN = new RegExp(URL_PATTERN_SOURCE.source, 'gi');
const TOKEN = new RegExp(TOKEN_PATTERN_SOURCE.source, 'gu');
const ACRONYM = /^\p{Lu}{2,3}$/u;

interface RunToken {
  surface: string;
  /** Set on content words only: fillers (stopwords, short words, numbers) have none. */
  key: string | undefined;
}

/**
 * The distinct phrases of a text, bigrams before trigrams, at most `limit`. A run of words ends at
 * punctuation, a line break, a link, a #hashtag or @handle, and at an excluded word (the brand's and
 * the listening queries' terms), so no phrase ever holds one. Phrases start and end on content
 * words: "my bag is" is the phrase "bag".
 */
export function extractPhrases(text: string, exclude: ReadonlySet<string>, limit: number): PhraseOccurrence[] {
  const bigrams = new Map<string, PhraseOccurrence>();
  const trigrams = new Map<string, PhraseOccurrence>();
  const rest = text.replace(URL_PATTERN, ' | ');
  let run: RunToken[] = [];
  let previousEnd = -1;
  const closeRun = () => {
    collectPhrases(run, bigrams, trigrams);
    run = [];
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(rest); match !== null; match = TOKEN.exec(rest)) {
    const token = match[0];
    if (!onlySpacesBetween(rest, previousEnd, match.index)) closeRun();
    previousEnd = match.index + token.length;
    const first = token.charCodeAt(0);
    if (first === HASH || first === AT) {
      closeRun();
      continue;
    }
    const lower = token.toLowerCase();
    const code = isCode(token);
    const key = code ? token.toUpperCase() : wordFeature(token);
    if (exclude.has(lower) || (key !== undefined && exclude.has(key))) {
      closeRun();
      continue;
    }
    const surface = code ? key! : ACRONYM.test(token) ? token : lower;
    run.push({ surface, key });
  }
  closeRun();
  return [...bigrams.values(), ...trigrams.values()].slice(0, limit);
}

function collectPhrases(
  run: readonly RunToken[],
  bigrams: Map<string, PhraseOccurrence>,
  trigrams: Map<string, PhraseOccurrence>,
): void {
  for (let start = 0; start < run.length; start++) {
    if (run[start]!.key === undefined) continue;
    const keys = [run[start]!.key!];
    let fillers = 0;
    for (let end = start + 1; end < run.length && keys.length < 3; end++) {
      const key = run[end]!.key;
      if (key === undefined) {
        if (++fillers > MAX_FILLERS_BETWEEN) break;
        continue;
      }
      fillers = 0;
      // "bag bag" or "very very": a repeated word is emphasis, not a phrase.
      if (key === keys[keys.length - 1]) break;
      keys.push(key);
      const phraseKey = keys.join(' ');
      const into = keys.length === 2 ? bigrams : trigrams;
      if (!into.has(phraseKey)) {
        const surface = run
          .slice(start, end + 1)
          .map((token) => token.surface)
          .join(' ');
        into.set(phraseKey, { key: phraseKey, surface, words: keys.length });
      }
    }
  }
}

/** Character codes of '#', '@' and ' '. */
const HASH = 35;
const AT = 64;
const SPACE = 32;

/** Whether only spaces sit between two tokens: any punctuation or line break ends a run of words. */
function onlySpacesBetween(text: string, from: number, to: number): boolean {
  if (from < 0) return true;
  for (let index = from; index < to; index++) if (text.charCodeAt(index) !== SPACE) return false;
  return true;
}

/** A phrase's count in one issue, space-saving: `error` is what it may have inherited from the slot it took. */
export interface PhraseCount {
  count: number;
  error: number;
  words: number;
  /** The spelling most of its posts used (a majority vote kept in one string and one counter). */
  surface: string;
  votes: number;
}

/**
 * Counts a post's phrases in an issue's `phrases`, at most `capacity` of them: a full table gives its
 * rarest slot to a newcomer, which inherits that count as its possible error (Metwally's space-saving),
 * so a phrase shared by many posts stays and its lower bound, `count - error`, is never an overcount.
 */
export function countPhrases(
  phrases: Map<string, PhraseCount>,
  occurrences: readonly PhraseOccurrence[],
  capacity: number,
): void {
  for (const occurrence of occurrences) {
    let entry = phrases.get(occurrence.key);
    if (entry === undefined) {
      let error = 0;
      if (phrases.size >= capacity) {
        let rarest: [string, PhraseCount] | undefined;
        for (const slot of phrases) if (rarest === undefined || slot[1].count < rarest[1].count) rarest = slot;
        phrases.delete(rarest![0]);
        error = rarest![1].count;
      }
      entry = { count: error, error, words: occurrence.words, surface: occurrence.surface, votes: 0 };
      phrases.set(occurrence.key, entry);
    }
    entry.count++;
    // Boyer–Moore majority vote: the spelling written by more than half of its posts, if any, wins.
    if (entry.surface === occurrence.surface) entry.votes++;
    else if (entry.votes === 0) [entry.surface, entry.votes] = [occurrence.surface, 1];
    else entry.votes--;
  }
}
