import { UntranslatableQueryError, parseQuery } from '@watchfloor/listening';
import type { ConnectorQuery } from '../connector';
import { diffStreamRules, wantedStreamRules } from './x-stream-rules';

function aQuery(id: string, text: string): ConnectorQuery {
  return { id, text, node: parseQuery(text) };
}

describe('wantedStreamRules', () => {
  it('makes one rule per query in X syntax, tagged with the query id', () => {
    expect(wantedStreamRules([aQuery('q1', 'skylark (bag OR luggage)'), aQuery('q2', '#skylarkair')])).toEqual([
      { value: 'skylark (bag OR luggage)', tag: 'q1' },
      { value: '#skylarkair', tag: 'q2' },
    ]);
  });

  it('shares one rule between queries that translate alike, as X refuses duplicate values', () => {
    const queries = [
      aQuery('q1', 'skylark'),
      aQuery('q2', 'SKYLARK'),
      aQuery('q3', '#skylark'),
      aQuery('q4', 'skylark'),
    ];
    expect(wantedStreamRules(queries)).toEqual([
      { value: 'skylark', tag: 'q1 q2 q4' },
      { value: '#skylark', tag: 'q3' },
    ]);
  });

  it('names the query that cannot become a rule', () => {
    // Longer than the 512 characters X takes for one rule.
    const words = Array.from({ length: 40 }, (_, index) => ({ type: 'word' as const, word: `skylarkword${index}` }));
    const query: ConnectorQuery = { id: 'q9', text: 'many words', node: { type: 'or', children: words } };
    expect(() => wantedStreamRules([query])).toThrow(UntranslatableQueryError);
    expect(() => wantedStreamRules([query])).toThrow(/Query "many words" \(q9\) cannot be a stream rule: .*512/);
  });
});

describe('diffStreamRules', () => {
  it('keeps matching rules, deletes stale and changed ones, and adds what is missing', () => {
    const changes = diffStreamRules(
      [
        { id: 'r1', value: 'skylark', tag: 'q1' },
        { id: 'r2', value: 'skylark walkout', tag: 'q2' },
        { id: 'r3', value: 'old campaign', tag: 'q-gone' },
        { id: 'r4', value: 'untagged rule' },
      ],
      [
        { value: 'skylark', tag: 'q1' },
        { value: 'skylark strike', tag: 'q2' },
        { value: '#skylarkair', tag: 'q3' },
      ],
    );
    expect(changes).toEqual({
      deleteIds: ['r2', 'r3', 'r4'],
      add: [
        { value: 'skylark strike', tag: 'q2' },
        { value: '#skylarkair', tag: 'q3' },
      ],
    });
  });

  it('changes nothing when the rules are already right', () => {
    const wanted = [{ value: 'skylark', tag: 'q1' }];
    expect(diffStreamRules([{ id: 'r1', ...wanted[0]! }], wanted)).toEqual({ add: [], deleteIds: [] });
  });

  it('deletes a duplicate of a kept rule', () => {
    const rules = [
      { id: 'r1', value: 'skylark', tag: 'q1' },
      { id: 'r2', value: 'skylark', tag: 'q1' },
    ];
    expect(diffStreamRules(rules, [{ value: 'skylark', tag: 'q1' }])).toEqual({ add: [], deleteIds: ['r2'] });
  });

  it('deletes every rule when no query is left', () => {
    expect(diffStreamRules([{ id: 'r1', value: 'skylark', tag: 'q1' }], [])).toEqual({ add: [], deleteIds: ['r1'] });
  });
});
