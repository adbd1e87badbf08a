import { adaptSentiment } from './learned/model-training';
import { SentimentScorer } from './sentiment-scorer';

describe('SentimentScorer (the learned model over the rules)', () => {
  const scorer = new SentimentScorer();
  const label = (text: string, lang?: string) => scorer.score(text, lang).label;

  it.each([
    ['The crew was amazing, thank you!', 'positive'],
    ['Lost my bag again. Worst airline, terrible service', 'negative'],
    ['Boarding flight SK123 to Lisbon', 'neutral'],
    ['@skylarkair still waiting for my refund', 'negative'],
    ['on hold with customer service since 9', 'negative'],
    ['the app does not work since the update', 'negative'],
    ['Thanks @skylarkair for nothing', 'negative'],
    ['not good at all', 'negative'],
    ["Can't wait to fly with you", 'positive'],
    ['back home 😍', 'positive'],
    ['flight SK1 😡', 'negative'],
  ] as const)('labels %p as %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('scores P(positive) - P(negative) and is as confident as its likeliest class is likely', () => {
    for (const text of ['good', 'awful', 'Boarding now', '']) {
      const reading = scorer.score(text);
      expect(reading.score).toBeGreaterThanOrEqual(-1);
      expect(reading.score).toBeLessThanOrEqual(1);
      expect(reading.confidence).toBeGreaterThan(1 / 3);
      expect(reading.confidence).toBeLessThanOrEqual(1);
    }
    expect(scorer.score('awful').score).toBeLessThan(-0.5);
    expect(scorer.score('wonderful').score).toBeGreaterThan(0.5);
    // A flat statement is a reading a person should check more than an outburst is.
    expect(scorer.score('Boarding now').confidence).toBeLessThan(scorer.score('worst airline ever!!!').confidence);
  });

  it('explains a reading by the words and phrases that pulled it, in the order they were written', () => {
    const { explanation } = scorer.score('Lost my bag again. Worst airline, terrible service');
    const texts = explanation.map((evidence) => evidence.text);
    expect(texts).toEqual(expect.arrayContaining(['lost my bag', 'Worst', 'terrible']));
    // The phrase speaks for its words; they are not listed again.
    expect(texts).not.toContain('bag');
    expect(texts.indexOf('lost my bag')).toBeLessThan(texts.indexOf('Worst'));
    for (const evidence of explanation.filter((e) => ['Worst', 'terrible', 'lost my bag'].includes(e.text))) {
      expect(evidence.weight).toBeLessThan(-1);
    }
    expect(scorer.score('amazing').explanation).toEqual([{ text: 'amazing', weight: expect.any(Number) }]);
    expect(scorer.score('amazing').explanation[0]!.weight).toBeGreaterThan(1);
    expect(scorer.score('').explanation).toEqual([]);
  });

  it('never shows more than eight reasons', () => {
    const long = 'terrible awful horrible bad worst delayed cancelled rude lost broken useless late dirty';
    expect(scorer.score(long).explanation.length).toBeLessThanOrEqual(8);
  });

  it('reads the same text the same way every time, in any order, and without explanation the same label', () => {
    const texts = ['constructor __proto__ toString', 'hasOwnProperty valueOf', 'great flight', 'not great'];
    const first = texts.map((text) => scorer.score(text));
    const fresh = new SentimentScorer();
    expect([...texts].reverse().map((text) => fresh.score(text))).toEqual([...first].reverse());
    for (const [index, text] of texts.entries()) {
      const { explanation: _explanation, ...reading } = first[index]!;
      expect(scorer.read(text)).toEqual(reading);
    }
  });

  it('says "unsupported" for a language it cannot read, by the platform tag or by the words', () => {
    expect(scorer.score('great flight', 'es')).toEqual({
      label: 'unsupported',
      score: 0,
      confidence: 0,
      lang: 'es',
      explanation: [],
    });
    expect(label('Der Flug wurde gestrichen und niemand hilft uns')).toBe('unsupported');
  });

  it('scores with an adaptation learned from corrections, and refuses one trained on another model', () => {
    const corrections = Array.from({ length: 60 }, (_, index) => ({
      text: `the zorbly lounge was zorbly again, seat ${index}`,
      label: 'negative' as const,
    }));
    const before = scorer.score('that zorbly lounge').label;
    const { adaptation } = adaptSentiment(corrections, { heldOutFraction: 0 });
    const adapted = new SentimentScorer({ adaptation });
    expect(before).not.toBe('negative');
    expect(adapted.score('that zorbly lounge').label).toBe('negative');
    expect(adapted.score('The crew was amazing, thank you!').label).toBe('positive');
    expect(() => new SentimentScorer({ adaptation: { ...adaptation, baseModelId: 'another-model' } })).toThrow(
      /trained on sentiment model another-model/,
    );
  });
});
