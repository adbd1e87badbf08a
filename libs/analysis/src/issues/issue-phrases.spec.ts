import { countPhrases, extractPhrases } from './issue-phrases';
import type { PhraseCount } from './issue-phrases';

const NONE = new Set<string>();

describe('extractPhrases', () => {
  it('takes runs of two or three content words, stopwords kept inside and dropped at the edges', () => {
    const surfaces = extractPhrases('Still waiting for my refund after 8 weeks', NONE, 20).map(
      (phrase) => phrase.surface,
    );
    expect(surfaces).toEqual(['waiting for my refund', 'refund after 8 weeks', 'waiting for my refund after 8 weeks']);
  });

  it('ends a run at punctuation, links, hashtags, handles and excluded words', () => {
    const exclude = new Set(['acme', 'air']);
    const phrases = extractPhrases(
      'Acme Air lost my bags, gate agent rude https://x.example/a #fail @acme staff useless',
      exclude,
      20,
    );
    expect(phrases.map((phrase) => phrase.key)).toEqual([
      'lost bag',
      'gate agent',
      'agent rude',
      'staff useless',
      'gate agent rude',
    ]);
    expect(phrases[0]).toEqual({ key: 'lost bag', surface: 'lost my bags', words: 2 });
  });

  it('keeps codes and acronyms as written and lower-cases the rest', () => {
    expect(extractPhrases('Flight sk417 to JFK CANCELLED', NONE, 20).map((phrase) => phrase.surface)).toContain(
      'flight SK417 to JFK',
    );
  });

  it('takes at most `limit` phrases from a post, bigrams first', () => {
    const phrases = extractPhrases('one delayed flight, lost baggage claim, rude gate agent, broken seat', NONE, 3);
    expect(phrases.map((phrase) => phrase.words)).toEqual([2, 2, 2]);
  });
});

describe('countPhrases', () => {
  it('counts each post once per phrase in a bounded table, keeping the shared one and the spelling most used', () => {
    const phrases = new Map<string, PhraseCount>();
    const posts = [
      'they lost my bags again',
      'lost my bag',
      'lost my bag in Rome',
      'lost my bag, thanks',
      'noisy cabin crew today',
      'broken reading light',
      'cold soggy pasta',
    ];
    for (const post of posts) countPhrases(phrases, extractPhrases(post, NONE, 20), 4);
    expect(phrases.size).toBe(4);
    expect(phrases.get('lost bag')).toMatchObject({ count: 4, error: 0, surface: 'lost my bag' });
    // A newcomer in a full table inherits the count of the slot it took, as a possible error.
    for (const entry of phrases.values()) expect(entry.count - entry.error).toBeGreaterThanOrEqual(1);
  });
});
