import { PhraseIndex, normalizePhrase } from './phrase-index';
import { expandPhrasePattern } from './phrase-pattern';

function found(phrases: string[], text: string): string[] {
  const index = new PhraseIndex();
  for (const phrase of phrases) index.add(phrase);
  const hits: string[] = [];
  index.scan(text.toLowerCase(), (id) => hits.push(index.phrase(id)));
  return hits;
}

describe('PhraseIndex', () => {
  it('finds whole words case-insensitively', () => {
    expect(found(['refund'], 'REFUND please')).toEqual(['refund']);
    expect(found(['refund'], 'Refund!')).toEqual(['refund']);
  });

  it('does not find a word inside a longer word', () => {
    expect(found(['refund'], 'refunds are slow, prerefund, refund2')).toEqual([]);
  });

  it('finds a word written as a hashtag or a mention', () => {
    expect(found(['refund'], 'where is my #refund')).toEqual(['refund']);
    expect(found(['skylarkair'], 'hey @skylarkair')).toEqual(['skylarkair']);
  });

  it('finds a hashtag keyword only as the hashtag', () => {
    expect(found(['#refund'], 'refund #refund')).toEqual(['#refund']);
  });

  it('matches any run of white space in the text to one space in the phrase', () => {
    expect(found(['data breach'], 'Data  breach!')).toEqual(['data breach']);
    expect(found(['Data   Breach'], 'a data\n\tbreach')).toEqual(['data breach']);
    expect(found(['data breach'], 'data-breach, databreach')).toEqual([]);
  });

  it('takes regular-expression characters literally', () => {
    expect(found(['c++', 'what?!', '(refund)', '$100'], 'C++ is fine, what?! (refund) for $100')).toEqual([
      'c++',
      'what?!',
      '(refund)',
      '$100',
    ]);
    expect(found(['a.b'], 'axb')).toEqual([]);
  });

  it('needs no word boundary after a phrase that ends with a symbol', () => {
    expect(found(['c++'], 'c++rocks')).toEqual(['c++']);
    expect(found(['c++'], 'abc++')).toEqual([]);
  });

  it('matches typographic apostrophes to straight ones', () => {
    expect(found(["don't"], 'I don’t care')).toEqual(["don't"]);
    expect(found(['don’t'], "I don't care")).toEqual(["don't"]);
  });

  it('finds phrases that overlap or share a start, shorter first', () => {
    expect(found(['data', 'data breach', 'breach'], 'data breach')).toEqual(['data', 'data breach', 'breach']);
  });

  it('finds letters outside ASCII as parts of words', () => {
    expect(found(['café'], 'CAFÉ au lait, cafés')).toEqual(['café']);
    expect(found(['über'], 'überall')).toEqual([]);
  });

  it('gives the same id to the same phrase however it is spaced or cased', () => {
    const index = new PhraseIndex();
    expect(index.add('Data  Breach')).toBe(index.add('data breach'));
    expect(index.size).toBe(1);
    expect(normalizePhrase('  Lost   MY bag ')).toBe('lost my bag');
  });

  it('refuses an empty phrase', () => {
    expect(() => new PhraseIndex().add('   ')).toThrow('a phrase may not be empty');
  });
});

describe('expandPhrasePattern', () => {
  it('expands each group into its alternatives, an empty one meaning nothing', () => {
    expect(expandPhrasePattern('refund(|s|ed)')).toEqual(['refund', 'refunds', 'refunded']);
  });

  it('multiplies groups', () => {
    expect(expandPhrasePattern('lost (my|our) (bag|luggage)')).toEqual([
      'lost my bag',
      'lost my luggage',
      'lost our bag',
      'lost our luggage',
    ]);
  });

  it('refuses unbalanced or nested groups', () => {
    expect(() => expandPhrasePattern('lost (my')).toThrow('without its ")"');
    expect(() => expandPhrasePattern('lost my)')).toThrow('stray');
    expect(() => expandPhrasePattern('a ((b|c)|d)')).toThrow('nests groups');
  });
});
