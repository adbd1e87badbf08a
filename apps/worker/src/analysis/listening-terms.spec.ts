import type { ListeningQueryRecord } from '@watchfloor/persistence';
import { ListeningTermsWatch, listeningTermsOf } from './listening-terms';

let id = 0;
function aQuery(overrides: Partial<ListeningQueryRecord>): ListeningQueryRecord {
  id++;
  return {
    id: `q${id}`,
    name: `query ${id}`,
    kind: 'brand',
    enabled: true,
    version: 1,
    text: 'skylark',
    createdAt: '2031-01-06T08:00:00.000Z',
    updatedAt: '2031-01-06T08:00:00.000Z',
    ...overrides,
  };
}

describe('the listening terms analysis keeps out of issues', () => {
  it("takes the brand's terms from brand queries and every enabled query's terms for titles", () => {
    const terms = listeningTermsOf([
      aQuery({ text: '"skylark air" OR @skylarkair' }),
      aQuery({ kind: 'competitor', text: 'northwind AND (delay OR refund)' }),
      aQuery({ kind: 'competitor', text: 'bluejet', enabled: false }),
      aQuery({ text: 'AND AND (' }),
    ]);
    expect(terms.brandTerms).toEqual(['skylark air', '@skylarkair']);
    expect(terms.queryTerms).toEqual(['skylark air', '@skylarkair', 'northwind', 'delay', 'refund']);
  });

  it('reads the queries again after an announced change, else once a minute', async () => {
    let texts = ['skylark'];
    const queries = { list: jest.fn(() => Promise.resolve(texts.map((text) => aQuery({ text })))) };
    const watch = new ListeningTermsWatch(queries, 60_000);
    expect(await watch.read(0)).toEqual({ brandTerms: ['skylark'], queryTerms: ['skylark'] });
    expect(await watch.readIfChanged(1_000)).toBeUndefined();
    texts = ['skylark', 'lark'];
    watch.markChanged();
    expect((await watch.readIfChanged(2_000))?.queryTerms).toEqual(['skylark', 'lark']);
    expect(await watch.readIfChanged(3_000)).toBeUndefined();
    expect(await watch.readIfChanged(62_000)).toBeDefined();
    expect(queries.list).toHaveBeenCalledTimes(3);
  });
});
