import { SentimentScorer } from './sentiment-scorer';

describe('SentimentScorer', () => {
  const scorer = new SentimentScorer();

  it.each([
    ['The crew was amazing, thank you!', 'positive'],
    ['Lost my bag again. Worst airline, terrible service', 'negative'],
    ['Boarding flight SK123 to Lisbon', 'neutral'],
    ['', 'neutral'],
  ] as const)('labels %p as %s', (text, label) => {
    expect(scorer.score(text).label).toBe(label);
  });

  it('flips a negated word', () => {
    expect(scorer.score('good').score).toBeGreaterThan(0);
    expect(scorer.score('not good').score).toBeLessThan(0);
    expect(scorer.score("wasn't good at all").score).toBeLessThan(0);
  });

  it('keeps scores in [-1, 1] however long the text', () => {
    const praise = scorer.score('amazing '.repeat(10_000));
    const rage = scorer.score('awful '.repeat(10_000));
    expect(praise.score).toBeLessThanOrEqual(1);
    expect(rage.score).toBeGreaterThanOrEqual(-1);
  });

  it('does not read words off Object.prototype', () => {
    expect(scorer.score('constructor __proto__ toString hasOwnProperty')).toEqual({ label: 'neutral', score: 0 });
  });

  it('gives the same answer for the same text every time', () => {
    const text = 'Great seats but the delay was awful';
    expect(scorer.score(text)).toEqual(scorer.score(text));
  });
});
