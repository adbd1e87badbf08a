import { activationVerdict, retrainVerdict } from './retrain-policy';
import type { RetrainState } from './retrain-policy';

const state = (overrides: Partial<RetrainState> = {}): RetrainState => ({
  corrections: { available: 40, newSince: 0 },
  latest: null,
  bundledModelId: 'model-b',
  minimum: 20,
  ...overrides,
});

describe('whether a retrain would learn anything', () => {
  it('waits for the minimum number of corrections, and says how many there are', () => {
    expect(retrainVerdict(state({ corrections: { available: 19, newSince: 19 } }))).toEqual({
      yes: false,
      reason: '19 corrections so far; learning needs at least 20',
    });
    expect(retrainVerdict(state({ corrections: { available: 1, newSince: 1 } })).reason).toBe(
      '1 correction so far; learning needs at least 20',
    );
  });

  it('trains the first version once there are enough corrections', () => {
    expect(retrainVerdict(state({ corrections: { available: 20, newSince: 20 } }))).toEqual({
      yes: true,
      reason: '20 corrections, none learned from yet',
    });
  });

  it('trains again after new corrections, and not before', () => {
    const latest = { id: 3, baseModelId: 'model-b' };
    expect(retrainVerdict(state({ latest, corrections: { available: 45, newSince: 5 } }))).toEqual({
      yes: true,
      reason: '5 corrections since version 3',
    });
    expect(retrainVerdict(state({ latest, corrections: { available: 45, newSince: 0 } }))).toEqual({
      yes: false,
      reason: 'no corrections since version 3: nothing new to learn',
    });
  });

  it('trains again without new corrections when a release brought another bundled model', () => {
    const verdict = retrainVerdict(state({ latest: { id: 3, baseModelId: 'model-a' } }));
    expect(verdict.yes).toBe(true);
    expect(verdict.reason).toBe('version 3 adapts sentiment model model-a, and the scorers now run model-b');
  });
});

describe('whether a trained version replaces what the scorers use', () => {
  it('activates a version that labels the held-back corrections at least as well as the bundled model', () => {
    expect(activationVerdict({ heldOut: 10, accuracyBefore: 0.4, accuracyAfter: 0.9 })).toEqual({
      yes: true,
      reason: 'accuracy 40.0% → 90.0% on 10 held-back corrections',
    });
    expect(activationVerdict({ heldOut: 10, accuracyBefore: 0.7, accuracyAfter: 0.7 }).yes).toBe(true);
  });

  it('keeps a worse version off, saying so', () => {
    expect(activationVerdict({ heldOut: 8, accuracyBefore: 0.75, accuracyAfter: 0.625 })).toEqual({
      yes: false,
      reason: 'accuracy 75.0% → 62.5% on 8 held-back corrections: worse',
    });
  });

  it('keeps a version off when nothing was held back to measure it', () => {
    expect(activationVerdict({ heldOut: 0, accuracyBefore: 0, accuracyAfter: 0 }).yes).toBe(false);
  });
});
