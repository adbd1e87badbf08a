import { RuleSentimentScorer } from './rule-sentiment-scorer';

describe('RuleSentimentScorer', () => {
  const scorer = new RuleSentimentScorer();
  const label = (text: string, lang?: string) => scorer.score(text, lang).label;
  const moved = (text: string) => scorer.score(text).explanation.map((evidence) => evidence.text);

  it.each([
    ['The crew was amazing, thank you!', 'positive'],
    ['Lost my bag again. Worst airline, terrible service', 'negative'],
    ['Boarding flight SK123 to Lisbon', 'neutral'],
    ['', 'neutral'],
  ] as const)('labels %p as %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('flips a negated word, within its clause only', () => {
    expect(scorer.score('good').score).toBeGreaterThan(0);
    expect(scorer.score('not good').score).toBeLessThan(0);
    expect(scorer.score("wasn't very good at all").score).toBeLessThan(0);
    // A comma ends the negation's reach; the first sentiment word takes it.
    expect(label('Nope, still clueless')).toBe('negative');
    expect(scorer.score("You aren't good at dirty talk").explanation).toEqual([
      { text: 'good', weight: expect.any(Number) },
      { text: 'dirty', weight: -1.9 },
    ]);
  });

  it('weighs what follows "but" more than what precedes it', () => {
    expect(label('The crew was great but the delay was awful')).toBe('negative');
    expect(label('The delay was awful but the crew was great')).toBe('positive');
  });

  it('reads emoji, emoticons, stretched words, capitals and exclamation marks', () => {
    expect(label('flight SK1 😡')).toBe('negative');
    expect(label('back home 😍')).toBe('positive');
    expect(label('landed o_O')).toBe('negative');
    expect(scorer.score('sooooo goooood').score).toBeGreaterThan(scorer.score('so good').score);
    expect(scorer.score('The food was GOOD').score).toBeGreaterThan(scorer.score('The food was good').score);
    expect(scorer.score('awful!!!').score).toBeLessThan(scorer.score('awful').score);
  });

  it('reads hashtags as words where they are written as words, never inside names', () => {
    expect(moved('flight delayed #NeverAgain')).toContain('never again');
    expect(label('On my way #sofrustrated')).toBe('negative');
    expect(moved('Heading home #Godwins')).toEqual([]);
  });

  it('hears complaint cues that carry no sentiment word', () => {
    for (const text of [
      '@skylarkair still waiting for my refund',
      'on hold with customer service since 9',
      'they cancelled my flight and lost my bag',
      'the app does not work since the update',
      'do not buy this, it stopped working after a week',
      'Thanks @skylarkair for nothing',
    ]) {
      expect([text, label(text)]).toEqual([text, 'negative']);
    }
    expect(label("Can't wait to fly with you")).toBe('positive');
  });

  it('does not read sentiment into names, filler "like", or "help"', () => {
    expect(label('We are watching Arrested Development at home tonight')).toBe('neutral');
    expect(label('It took like 3 hours')).toBe('neutral');
    expect(label('I like the new seats')).toBe('positive');
    expect(label('I had the Worst Experience Ever')).toBe('negative');
  });

  it('explains a reading with the tokens that moved it, and is less sure of a mixed text', () => {
    const reading = scorer.score('Love the crew, hate the delays');
    expect(reading.explanation.map((evidence) => evidence.text)).toEqual(['Love', 'hate']);
    expect(reading.confidence).toBeLessThan(scorer.score('Love the crew, great seats').confidence);
  });

  it('says "unsupported" for a language it cannot read, rather than guessing neutral', () => {
    expect(scorer.score('Der Flug war eine Katastrophe und das Personal war nicht freundlich')).toMatchObject({
      label: 'unsupported',
      lang: 'de',
      confidence: 0,
    });
    expect(scorer.score('Le vol était en retard et personne ne nous a aidés')).toMatchObject({
      label: 'unsupported',
      lang: 'fr',
    });
    expect(scorer.score('お客様サービスは最悪でした')).toMatchObject({ label: 'unsupported' });
    expect(scorer.score('great flight', 'es')).toMatchObject({ label: 'unsupported', lang: 'es' });
    expect(scorer.score('great flight', 'en-GB')).toMatchObject({ label: 'positive', lang: 'en' });
    expect(scorer.score('Give em hell, la la land')).toMatchObject({ lang: 'en' });
    expect(scorer.score('😍😍')).toMatchObject({ label: 'positive', lang: 'und' });
  });

  it('decodes the HTML entities platforms send', () => {
    expect(moved('Great &amp; friendly crew')).toEqual(['Great', 'friendly']);
  });

  it('keeps scores in [-1, 1] however long the text', () => {
    expect(scorer.score('amazing '.repeat(10_000)).score).toBeLessThanOrEqual(1);
    expect(scorer.score('awful '.repeat(10_000)).score).toBeGreaterThanOrEqual(-1);
  });

  it('does not read words off Object.prototype', () => {
    expect(scorer.score('constructor __proto__ toString hasOwnProperty valueOf')).toMatchObject({
      label: 'neutral',
      score: 0,
      explanation: [],
    });
  });

  it('gives the same answer for the same text every time, first sight included', () => {
    const fresh = new RuleSentimentScorer();
    const text = 'Great seats but the delay was awful #fail';
    const first = fresh.score(text);
    expect(fresh.score(text)).toEqual(first);
    expect(scorer.score(text)).toEqual(first);
  });
});
