import { gunzipSync, gzipSync } from 'node:zlib';
import { bundledSentimentModel } from './bundled-model';
import { decodeModel, encodeModel } from './model-file';
import { SentimentModel, SentimentModelError } from './sentiment-model';
import { CLASS_COUNT, seededRandom } from './softmax-training';
import { DENSE_FEATURE_COUNT, FeatureBuffer } from './text-features';

function aModel(hashBits = 8): SentimentModel {
  const random = seededRandom(3);
  const weights = Float32Array.from(
    { length: (DENSE_FEATURE_COUNT + (1 << hashBits)) * CLASS_COUNT },
    () => random() * 4 - 2,
  );
  const provenance = {
    trainedOn: { 'a set': 10 },
    figures: { 'a set.macroRecall': 0.7 },
    createdAt: '2026-12-07T00:00:00Z',
  };
  return new SentimentModel('a-model', hashBits, weights, Float32Array.from([0.1, 0.2, -0.3]), provenance);
}

describe('the sentiment model file', () => {
  it('keeps the id, the provenance, the biases and the dense weights exactly, the hashed ones to 8 bits', () => {
    const model = aModel();
    const decoded = decodeModel(encodeModel(model));
    expect(decoded.id).toBe('a-model');
    expect(decoded.provenance).toEqual(model.provenance);
    expect(decoded.bias).toEqual(model.bias);
    const dense = DENSE_FEATURE_COUNT * CLASS_COUNT;
    expect(decoded.weights.subarray(0, dense)).toEqual(model.weights.subarray(0, dense));
    const step = 2 / 127;
    for (let at = dense; at < model.weights.length; at++) {
      expect(Math.abs(decoded.weights[at]! - model.weights[at]!)).toBeLessThanOrEqual(step / 2 + 1e-6);
    }
  });

  it('gives the same probabilities after the round trip, to two decimals', () => {
    const model = aModel();
    const decoded = decodeModel(encodeModel(model));
    const features = new FeatureBuffer();
    for (const index of [0, 3, DENSE_FEATURE_COUNT + 5, DENSE_FEATURE_COUNT + 200]) features.push(index, 0.7, -1);
    const [a, b] = [new Float64Array(3), new Float64Array(3)];
    model.probabilities(features, a);
    decoded.probabilities(features, b);
    for (let c = 0; c < 3; c++) expect(b[c]).toBeCloseTo(a[c]!, 2);
  });

  it('refuses what is not a model file, naming what is wrong', () => {
    expect(() => decodeModel(Buffer.from('not gzip'))).toThrow(SentimentModelError);
    expect(() => decodeModel(gzipSync(Buffer.from('XXXX and more bytes')))).toThrow(/no WFSM header/);
    const file = gunzipSync(encodeModel(aModel()));
    file.writeUInt8(9, 4);
    expect(() => decodeModel(gzipSync(file))).toThrow(/format 9/);
    file.writeUInt8(1, 4);
    expect(() => decodeModel(gzipSync(file.subarray(0, file.length - 10)))).toThrow(/bytes, expected/);
  });

  it('ships a bundled model that says what it was trained on and what it reached', () => {
    const model = bundledSentimentModel();
    expect(model.id).toMatch(/^sentiment-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
    expect(Object.keys(model.provenance.trainedOn).join(' ')).toContain('semeval');
    expect(model.provenance.figures['semeval.macroRecall']).toBeGreaterThan(0.5);
    expect(bundledSentimentModel()).toBe(model);
  });
});
