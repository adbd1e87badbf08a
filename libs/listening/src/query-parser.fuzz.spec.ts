import fc from 'fast-check';
import { INTERNAL_ERROR_MESSAGE, hostileString, hostileValue, timed } from '@watchfloor/domain/testing';
import { QuerySyntaxError } from './query-ast';
import { MAX_QUERY_LENGTH } from './query-lexer';
import { parseQuery } from './query-parser';
import { compileMatcher, prepareMention } from './query-matcher';
import { REDDIT_SEARCH, X_SEARCH, toPlatformQuery, UntranslatableQueryError } from './platform-query';
import { queryTerms } from './query-terms';

/** What a query box can receive: fragments of real syntax glued to hostile text. */
const queryFragment = fc.oneof(
  hostileString,
  fc.constantFrom(
    '(',
    ')',
    '"',
    '“',
    ' AND ',
    ' OR ',
    'NOT ',
    '-',
    'NEAR/3 ',
    'NEAR/0',
    'NEAR/x',
    '#',
    '@',
    'lang:',
    'from:',
    'lang:en',
    'from:@x',
    'skylark',
    '"lost bag"',
    ' ',
    '\u0000',
    '\ud800',
  ),
);
const queryText = fc.array(queryFragment, { maxLength: 30 }).map((parts) => parts.join(''));

/** A parsed query or the parser's own error with a column inside the text; never a crash. */
function parseOutcome(text: string): 'parsed' | 'refused' {
  try {
    const node = parseQuery(text);
    // What the rest of the system does with a saved query must not fail either.
    compileMatcher(node)(prepareMention({ text: 'skylark lost my bag #refund @skylarkair', authorHandle: 'x' }));
    queryTerms(node);
    for (const dialect of [X_SEARCH, REDDIT_SEARCH]) {
      try {
        toPlatformQuery(node, dialect);
      } catch (error) {
        if (!(error instanceof UntranslatableQueryError)) throw error;
      }
    }
    return 'parsed';
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    expect(error.message).not.toMatch(INTERNAL_ERROR_MESSAGE);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeLessThanOrEqual(Math.max(typeof text === 'string' ? text.length : 0, 1) + 1);
    return 'refused';
  }
}

describe('listening query parser under hostile input', () => {
  it('parses or refuses with a QuerySyntaxError any text, quickly', () => {
    fc.assert(
      fc.property(queryText, (text) => {
        const { ms } = timed(() => parseOutcome(text));
        expect(ms).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a value that is not text with a QuerySyntaxError', () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        fc.pre(typeof value !== 'string');
        expect(() => parseQuery(value as string)).toThrow(QuerySyntaxError);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses 5 MB of text at once, without reading it all', () => {
    const huge = 'skylark '.repeat(5 * 1024 * 128);
    const { ms } = timed(() => expect(() => parseQuery(huge)).toThrow(`at most ${MAX_QUERY_LENGTH} characters`));
    expect(ms).toBeLessThan(100);
  });

  it.each([
    ['deeply nested parentheses', `${'('.repeat(999)}x${')'.repeat(999)}`, 'Parentheses nest at most'],
    ['1,999 exclusions', `${'-'.repeat(1_999)}x`, 'only terms to exclude'],
    ['499 NOTs', `${'NOT '.repeat(499)}x`, 'only terms to exclude'],
    ['empty quotes', '"'.repeat(1_999), 'An exact phrase needs at least one word'],
    ['an unclosed quote', `${'x '.repeat(999)}"`, 'never closed'],
  ])('refuses %s at the limits with a clear error', (_kind, text, message) => {
    const { ms } = timed(() => expect(() => parseQuery(text)).toThrow(message));
    expect(ms).toBeLessThan(500);
  });

  it('matches any mention text, lone surrogates and 5 MB included, quickly', () => {
    const matches = compileMatcher(parseQuery('skylark NEAR/3 "lost bag" OR #refund'));
    fc.assert(
      fc.property(hostileString, hostileString, (text, handle) => {
        expect(typeof matches(prepareMention({ text, authorHandle: handle }))).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    const huge = `${'skylark lost bag #refund \ud800 '.repeat(170_000)}`;
    const { ms } = timed(() => matches(prepareMention({ text: huge, authorHandle: 'x' })));
    expect(ms).toBeLessThan(5_000);
  });
});
