import { bundledSentimentModel, encodeAdaptation } from '@watchfloor/analysis';
import { SentimentAdaptationRepository } from '@watchfloor/persistence';
import type { NewSentimentAdaptation } from '@watchfloor/persistence';
import type { DataSource } from 'typeorm';

let sequence = 0;

type TrainedVersion = Extract<NewSentimentAdaptation, { status: 'trained' }>;

/**
 * A trained version as the worker stores one: real weights (a small nudge towards negative for
 * one feature) for the bundled model, so a process that loads it scores with it. Each gets corrections
 * of its own, as the table wants.
 */
export function aTrainedAdaptation(overrides: Partial<TrainedVersion> = {}): TrainedVersion {
  sequence++;
  const baseModelId = overrides.baseModelId ?? bundledSentimentModel().id;
  return {
    baseModelId,
    // Far beyond the triage event ids a spec makes: never the corrections of a version the worker trained.
    correctionsUpTo: String(1_000_000 + sequence),
    requestedBy: null,
    status: 'trained',
    trainedOn: 40,
    heldOut: 10,
    before: { accuracy: 0.5, macroF1: 0.45 },
    after: { accuracy: 0.9, macroF1: 0.85 },
    weights: encodeAdaptation({
      baseModelId,
      indices: Int32Array.from([1]),
      deltas: Float32Array.from([0, 0, 0.1]),
      bias: Float32Array.from([0, 0, 0]),
      trainedOn: 40,
    }),
    ...overrides,
  };
}

/** Stores versions through the real repository, in order; optionally activates one (by its position). */
export async function storeAdaptations(
  dataSource: DataSource,
  versions: NewSentimentAdaptation[],
  activeIndex?: number,
): Promise<number[]> {
  const repository = new SentimentAdaptationRepository(dataSource);
  const ids: number[] = [];
  for (const version of versions) ids.push((await repository.insert(version))!);
  if (activeIndex !== undefined) {
    await dataSource.transaction((db) => repository.activate(ids[activeIndex]!, 'spec', db));
  }
  return ids;
}

const OPENERS = 'Tried Spotted Ordered Booked Noticed Picked Received Tested'.split(' ');
const THINGS = 'menu lounge app seat snack gate upgrade blanket playlist voucher kiosk tray'.split(' ');
const PLACES = 'at Heathrow,in Lisbon,over Denver,near Oslo,from Madrid,via Dublin,around Tokyo,outside Austin'.split(
  ',',
);
const WHENS =
  'this morning,last night,on Tuesday,after lunch,before noon,yesterday evening,at dawn,during boarding'.split(',');

/**
 * A post about a zorbly thing: a word the bundled model knows nothing of, for corrections to teach
 * it. Posts differ enough from one another that none is taken for a near-duplicate of another.
 */
export function zorblyPost(index: number): string {
  const when = WHENS[(index * 5 + Math.floor(index / 8)) % 8];
  return `${OPENERS[index % 8]} the zorbly ${THINGS[index % 12]} ${PLACES[(index * 3) % 8]} ${when}, flight ${100 + index}`;
}
