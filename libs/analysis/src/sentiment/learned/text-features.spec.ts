import { RuleSentimentScorer } from '../rule-sentiment-scorer';
import { DENSE_FEATURE_COUNT, FeatureBuffer, NO_TOKEN, TextFeatureExtractor } from './text-features';

describe('TextFeatureExtractor', () => {
  const rules = new RuleSentimentScorer();
  const extractor = new TextFeatureExtractor(16);
  const featuresOf = (text: string) => {
    const out = new FeatureBuffer(4);
    extractor.extract(rules.analyse(text), out);
    const hashed = [];
    for (let at = 0; at < out.length; at++) {
      if (out.indices[at]! >= DENSE_FEATURE_COUNT)
        hashed.push({ index: out.indices[at]!, value: out.values[at]!, owner: out.owners[at]! });
    }
    return { out, hashed };
  };

  it('gives the same features for the same text, all inside the model', () => {
    const a = featuresOf('My flight was delayed again, never flying with them');
    const b = featuresOf('My flight was delayed again, never flying with them');
    expect(a.hashed).toEqual(b.hashed);
    for (const { index } of a.hashed) expect(index).toBeLessThan(extractor.featureCount);
  });

  it('gives the hashed features of a post unit length, whatever its length', () => {
    for (const text of ['late', 'the flight was late and the crew was rude and the food was cold']) {
      const { hashed } = featuresOf(text);
      const length = Math.sqrt(hashed.reduce((sum, { value }) => sum + value * value, 0));
      expect(length).toBeCloseTo(1, 5);
    }
  });

  it('marks the words a negation reaches, up to the end of the clause', () => {
    const words = (text: string) => new Set(featuresOf(text).hashed.map(({ index }) => index));
    const plain = words('good');
    const negated = words('not good');
    const stopped = words('not now, good');
    // "good" under "not" is a different feature from "good"; after the comma it is "good" again.
    const goodAlone = [...plain].filter((index) => !words('fine').has(index));
    expect(goodAlone.some((index) => negated.has(index))).toBe(true); // its character n-grams are shared
    expect([...plain].every((index) => stopped.has(index))).toBe(true);
    expect([...plain].every((index) => negated.has(index))).toBe(false);
  });

  it('says which token each hashed feature came from, and that dense ones come from none', () => {
    const { out, hashed } = featuresOf('awful delay');
    expect(new Set(hashed.map(({ owner }) => owner))).toEqual(new Set([0, 1]));
    for (let at = 0; at < out.length; at++)
      if (out.indices[at]! < DENSE_FEATURE_COUNT) expect(out.owners[at]).toBe(NO_TOKEN);
  });

  it('grows its buffer for long posts', () => {
    const long = Array.from({ length: 300 }, (_, index) => `word${index}`).join(' ');
    expect(featuresOf(long).hashed.length).toBeGreaterThan(300 * 5);
  });
});
