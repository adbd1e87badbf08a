import type { SentimentReading } from '../sentiment/rule-sentiment-scorer';
import { encodeAdaptation } from '../sentiment/learned/sentiment-adaptation';
import type { SentimentAdaptation } from '../sentiment/learned/sentiment-adaptation';
import { SentimentModelSwitch } from './sentiment-model-switch';
import type { ActiveAdaptationStore } from './sentiment-model-switch';

/** A scorer that says which adaptation made it: "bundled", or the examples count it was trained on. */
function fakeScorer(adaptation?: SentimentAdaptation) {
  const reading = (): SentimentReading => ({
    label: 'neutral',
    score: 0,
    confidence: 1,
    lang: 'en',
    explanation: [{ text: adaptation === undefined ? 'bundled' : `trained on ${adaptation.trainedOn}`, weight: 0 }],
  });
  return { score: reading, read: reading };
}

const scoredBy = (models: SentimentModelSwitch) => models.score('anything').explanation[0]!.text;

function weightsTrainedOn(trainedOn: number): Uint8Array {
  return encodeAdaptation({
    baseModelId: 'bundled-model',
    indices: Int32Array.from([4, 9]),
    deltas: Float32Array.from([0.5, 0, -0.5, 0, 0.1, 0]),
    bias: Float32Array.from([0, 0, 0.2]),
    trainedOn,
  });
}

class FakeStore implements ActiveAdaptationStore {
  current: { id: number; weights: Uint8Array } | null = null;
  weightReads = 0;
  failing = false;

  activeId(): Promise<number | null> {
    if (this.failing) return Promise.reject(new Error('database unreachable'));
    return Promise.resolve(this.current?.id ?? null);
  }

  active(): Promise<{ id: number; weights: Uint8Array } | null> {
    this.weightReads++;
    return Promise.resolve(this.current);
  }
}

describe('the scorer a process uses, following the active adaptation', () => {
  let store: FakeStore;
  let warnings: string[];
  let models: SentimentModelSwitch;

  beforeEach(() => {
    store = new FakeStore();
    warnings = [];
    models = new SentimentModelSwitch({
      store,
      log: { log: () => undefined, warn: (_fields, message) => warnings.push(message) },
      createScorer: fakeScorer,
    });
  });

  it('scores with the bundled model until an adaptation is active', async () => {
    await models.refresh();
    expect(scoredBy(models)).toBe('bundled');
    expect(models.adaptationId).toBeNull();
  });

  it('swaps to the active adaptation, to a newer one, and back to the bundled model', async () => {
    store.current = { id: 1, weights: weightsTrainedOn(40) };
    await models.refresh();
    expect(scoredBy(models)).toBe('trained on 40');
    expect(models.adaptationId).toBe(1);

    store.current = { id: 2, weights: weightsTrainedOn(55) };
    await models.refresh();
    expect(scoredBy(models)).toBe('trained on 55');

    store.current = null;
    await models.refresh();
    expect(scoredBy(models)).toBe('bundled');
    expect(models.adaptationId).toBeNull();
  });

  it('reads the weights only when the active version changed', async () => {
    store.current = { id: 1, weights: weightsTrainedOn(40) };
    await models.refresh();
    await models.refresh();
    await models.refresh();
    expect(store.weightReads).toBe(1);
  });

  it('logs and leaves aside weights that do not decode, scoring with the bundled model, and does not retry them', async () => {
    store.current = { id: 1, weights: weightsTrainedOn(40) };
    await models.refresh();
    store.current = { id: 2, weights: Buffer.from('not an adaptation at all') };
    await models.refresh();
    expect(scoredBy(models)).toBe('bundled');
    expect(models.adaptationId).toBeNull();
    expect(warnings).toEqual(['sentiment adaptation refused: the bundled model goes on scoring']);
    await models.refresh();
    expect(store.weightReads).toBe(2);
  });

  it('leaves aside an adaptation the scorer refuses (trained on another bundled model)', async () => {
    const refusing = new SentimentModelSwitch({
      store,
      log: { log: () => undefined, warn: (_fields, message) => warnings.push(message) },
      createScorer: (adaptation) => {
        if (adaptation !== undefined) throw new Error('trained on another model: retrain it');
        return fakeScorer();
      },
    });
    store.current = { id: 1, weights: weightsTrainedOn(40) };
    await refusing.refresh();
    expect(scoredBy(refusing)).toBe('bundled');
    expect(warnings).toHaveLength(1);
  });

  it('keeps scoring with what it has when the store cannot be read', async () => {
    store.current = { id: 1, weights: weightsTrainedOn(40) };
    await models.refresh();
    store.failing = true;
    await expect(models.refresh()).resolves.toBeUndefined();
    expect(scoredBy(models)).toBe('trained on 40');
    expect(warnings).toEqual(['sentiment adaptation not refreshed']);
  });

  it('follows announcements once started, and stops following when stopped', async () => {
    let announce: () => void = () => undefined;
    let stopped = false;
    await models.start((onChange) => {
      announce = onChange;
      return Promise.resolve(() => (stopped = true));
    }, 3_600_000);
    store.current = { id: 7, weights: weightsTrainedOn(70) };
    announce();
    await models.refresh();
    expect(scoredBy(models)).toBe('trained on 70');
    models.stop();
    expect(stopped).toBe(true);
  });
});
