import { QuerySyntaxError } from './query-ast';
import { parseQuery } from './query-parser';

function errorOf(query: string): { reason: string; column: number } {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { reason: error.reason, column: error.column };
    throw error;
  }
  throw new Error(`"${query}" parsed`);
}

describe('parseQuery', () => {
  it('reads adjacent terms as AND, and binds AND tighter than OR', () => {
    expect(parseQuery('skylark delay OR skylark AND refund')).toEqual({
      type: 'or',
      children: [
        {
          type: 'and',
          children: [
            { type: 'word', word: 'skylark' },
            { type: 'word', word: 'delay' },
          ],
        },
        {
          type: 'and',
          children: [
            { type: 'word', word: 'skylark' },
            { type: 'word', word: 'refund' },
          ],
        },
      ],
    });
  });

  it('understands phrases, hashtags, handles, fields, exclusions and parentheses', () => {
    expect(parseQuery('("lost my bag" OR #NeverAgain) @SkylarkAir -spam NOT from:@bot lang:EN')).toEqual({
      type: 'and',
      children: [
        {
          type: 'or',
          children: [
            { type: 'phrase', words: ['lost', 'my', 'bag'] },
            { type: 'hashtag', tag: 'neveragain' },
          ],
        },
        { type: 'mention', handle: 'skylarkair' },
        { type: 'not', child: { type: 'word', word: 'spam' } },
        { type: 'not', child: { type: 'from', handle: 'bot' } },
        { type: 'lang', code: 'en' },
      ],
    });
  });

  it('reads NEAR/n between words or phrases', () => {
    expect(parseQuery('refund NEAR/3 "skylark air"')).toEqual({
      type: 'near',
      left: { type: 'word', word: 'refund' },
      right: { type: 'phrase', words: ['skylark', 'air'] },
      distance: 3,
    });
  });

  it('treats lower-case and/or/not as words, as listening tools do', () => {
    expect(parseQuery('rock and roll')).toEqual({
      type: 'and',
      children: ['rock', 'and', 'roll'].map((word) => ({ type: 'word', word })),
    });
  });

  it.each([
    ['', 'The query is empty', 1],
    ['skylark (delay', 'This "(" is never closed', 9],
    ['skylark delay)', 'This ")" closes nothing', 14],
    ['"lost my bag', 'This quote is never closed', 1],
    ['skylark OR', 'The query ends where a term was expected', 11],
    ['AND skylark', 'Expected a term before AND', 1],
    ['skylark NOT', 'Expected a term to exclude after NOT', 12],
    ['refund NEAR/0 skylark', 'NEAR takes a distance from 1 to 50 words', 8],
    ['refund NEAR skylark', 'Write NEAR with a distance, like NEAR/5', 8],
    ['#skylark NEAR/2 refund', 'NEAR needs a word or an exact phrase before it', 10],
    ['site:example.com skylark', 'Unknown field "site:" (known: lang, from)', 1],
    ['skylark lang:english', 'lang: takes a language code such as lang:en', 9],
    ['-spam -bots', 'A query needs at least one term to look for, not only terms to exclude', 1],
    ['skylark ()', 'Empty parentheses', 9],
  ])('refuses %p: %s, at column %d', (query, reason, column) => {
    expect(errorOf(query)).toEqual({ reason, column });
  });

  it('refuses queries that are too long or nest too deep, without blowing the stack', () => {
    expect(errorOf('a '.repeat(1_001)).reason).toMatch(/at most 2000 characters/);
    expect(errorOf(`${'('.repeat(40)}a${')'.repeat(40)}`).reason).toMatch(/nest at most 32 deep/);
  });
});
