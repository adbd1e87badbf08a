import { adaptSentiment, MIN_CORRECTIONS_TO_ADAPT } from './model-training';
import { decodeAdaptation, encodeAdaptation, SentimentAdaptationError } from './sentiment-adaptation';
import type { LabelledText } from './sentiment-adaptation';

/** An installation whose agents keep correcting one word of their own jargon to negative. */
function corrections(count: number): LabelledText[] {
  return Array.from({ length: count }, (_, index) => ({
    text: index % 2 === 0 ? `the zorbly seat ${index} again` : `my zorbly transfer, booking ${index}`,
    label: 'negative' as const,
  }));
}

describe('adaptSentiment', () => {
  it('learns the corrections and measures itself on a held-back slice of them', () => {
    const report = adaptSentiment(corrections(200));
    expect(report.trainedOn + report.heldOut).toBe(200);
    expect(report.heldOut).toBeGreaterThan(20);
    expect(report.heldOut).toBeLessThan(70);
    expect(report.accuracyAfter).toBeGreaterThan(report.accuracyBefore);
    expect(report.accuracyAfter).toBeGreaterThan(0.9);
    expect(report.macroF1After).toBeGreaterThanOrEqual(report.macroF1Before);
    expect(report.adaptation.trainedOn).toBe(report.trainedOn);
  });

  it('holds back the same texts whatever their order', () => {
    const texts = corrections(120);
    const forwards = adaptSentiment(texts);
    const backwards = adaptSentiment([...texts].reverse());
    expect(backwards.heldOut).toBe(forwards.heldOut);
    expect(backwards.accuracyBefore).toBe(forwards.accuracyBefore);
  });

  it('changes only the weights of features the corrections contain', () => {
    const { adaptation } = adaptSentiment(corrections(60), { heldOutFraction: 0 });
    expect(adaptation.indices.length).toBeGreaterThan(10);
    expect(adaptation.indices.length).toBeLessThan(2_000);
    expect(adaptation.deltas).toHaveLength(adaptation.indices.length * 3);
    for (let at = 1; at < adaptation.indices.length; at++) {
      expect(adaptation.indices[at]).toBeGreaterThan(adaptation.indices[at - 1]!);
    }
  });

  it('refuses to adapt on too few corrections, saying how many it needs', () => {
    expect(() => adaptSentiment(corrections(MIN_CORRECTIONS_TO_ADAPT - 1))).toThrow(
      new SentimentAdaptationError(
        `${MIN_CORRECTIONS_TO_ADAPT - 1} usable labelled texts; adapting needs at least ${MIN_CORRECTIONS_TO_ADAPT}`,
      ),
    );
    // Texts in a language the model cannot read do not count.
    const foreign = corrections(30).map((text) => ({ ...text, lang: 'de' }));
    expect(() => adaptSentiment(foreign)).toThrow(/0 usable labelled texts/);
  });
});

describe('the adaptation blob', () => {
  it('round-trips exactly', () => {
    const { adaptation } = adaptSentiment(corrections(40), { heldOutFraction: 0 });
    expect(decodeAdaptation(encodeAdaptation(adaptation))).toEqual(adaptation);
  });

  it('refuses a corrupted or foreign blob with a clear error', () => {
    const blob = encodeAdaptation(adaptSentiment(corrections(40), { heldOutFraction: 0 }).adaptation);
    expect(() => decodeAdaptation(Buffer.from('hello world, not an adaptation'))).toThrow(/no WFSA header/);
    expect(() => decodeAdaptation(blob.subarray(0, blob.length - 4))).toThrow(/do not hold/);
    const infinite = Buffer.from(blob);
    infinite.writeFloatLE(Number.POSITIVE_INFINITY, infinite.length - 20);
    expect(() => decodeAdaptation(infinite)).toThrow(/not a finite number/);
    const badHeader = Buffer.from(blob);
    badHeader.write('X', 9, 'utf8');
    expect(() => decodeAdaptation(badHeader)).toThrow(SentimentAdaptationError);
  });
});
