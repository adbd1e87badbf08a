import type { AuditNote, CorrectedText, NewSentimentAdaptation, Queryable } from '@watchfloor/persistence';
import type { AdaptationThreadResult } from './adaptation-thread-protocol';
import { SentimentTrainer } from './sentiment-trainer';
import type { SentimentTrainerDependencies } from './sentiment-trainer';

const BUNDLED = 'bundled-2026';

/** The corrections, and the stored versions, in memory, as the repositories keep them. */
class World {
  corrections: (CorrectedText & { eventId: number })[] = [];
  versions: (NewSentimentAdaptation & { id: number; active: boolean })[] = [];
  audited: AuditNote[] = [];
  announcements = 0;
  trainings: { text: string; label: string; lang?: string }[][] = [];
  answer: (texts: { text: string }[]) => AdaptationThreadResult = (texts) => trained(texts.length, 0.5, 0.9);

  correct(count: number, label: CorrectedText['label'] = 'negative'): void {
    for (let i = 0; i < count; i++) {
      const eventId = this.corrections.length + 1;
      this.corrections.push({ text: `zorbly post ${eventId}`, lang: eventId % 2 === 0 ? 'en' : null, label, eventId });
    }
  }

  get upTo(): string {
    return String(this.corrections.at(-1)?.eventId ?? 0);
  }

  dependencies(): SentimentTrainerDependencies {
    const db = {} as Queryable;
    return {
      bundledModelId: BUNDLED,
      minimum: 20,
      corrections: {
        summary: (since) =>
          Promise.resolve({
            available: this.corrections.length,
            upTo: this.upTo,
            newSince: this.corrections.filter((c) => c.eventId > Number(since ?? 0)).length,
          }),
        corrected: () =>
          Promise.resolve({ texts: this.corrections.map(({ eventId: _, ...text }) => text), upTo: this.upTo }),
      },
      adaptations: {
        latest: () => {
          const latest = this.versions.at(-1);
          return Promise.resolve(
            latest === undefined
              ? null
              : { id: latest.id, baseModelId: latest.baseModelId, correctionsUpTo: latest.correctionsUpTo },
          );
        },
        insert: (version) => {
          const twin = this.versions.find(
            (v) => v.baseModelId === version.baseModelId && v.correctionsUpTo === version.correctionsUpTo,
          );
          if (twin !== undefined) return Promise.resolve(null);
          const id = this.versions.length + 1;
          this.versions.push({ ...version, id, active: false });
          return Promise.resolve(id);
        },
        activate: (id) => {
          const previous = this.versions.find((v) => v.active)?.id ?? null;
          for (const version of this.versions) version.active = version.id === id;
          return Promise.resolve(previous);
        },
      },
      audit: {
        audited: (work) =>
          work(db, (note) => {
            this.audited.push(note);
            return Promise.resolve();
          }),
      },
      train: (texts) => {
        this.trainings.push(texts);
        return Promise.resolve(this.answer(texts));
      },
      announce: () => {
        this.announcements++;
        return Promise.resolve();
      },
    };
  }
}

function trained(trainedOn: number, accuracyBefore: number, accuracyAfter: number): AdaptationThreadResult {
  return {
    kind: 'trained',
    baseModelId: BUNDLED,
    trainedOn,
    heldOut: 8,
    accuracyBefore,
    accuracyAfter,
    macroF1Before: accuracyBefore - 0.1,
    macroF1After: accuracyAfter - 0.1,
    weights: Uint8Array.from([1, 2, 3]),
  };
}

describe('retraining the sentiment adaptation from corrections', () => {
  let world: World;
  let trainer: SentimentTrainer;

  beforeEach(() => {
    world = new World();
    trainer = new SentimentTrainer(world.dependencies());
  });

  it('does not train on fewer corrections than the minimum', async () => {
    world.correct(19);
    expect(await trainer.run(null)).toEqual({
      outcome: 'skipped',
      reason: '19 corrections so far; learning needs at least 20',
    });
    expect(world.trainings).toEqual([]);
  });

  it('trains on every correction, stores the figures, activates a better version and announces it, audited', async () => {
    world.correct(40);
    const outcome = await trainer.run('ada@example.com');
    expect(outcome).toEqual({
      outcome: 'trained',
      versionId: 1,
      activated: true,
      reason: 'accuracy 50.0% → 90.0% on 8 held-back corrections',
    });
    expect(world.trainings[0]).toHaveLength(40);
    expect(world.trainings[0]![0]).toEqual({ text: 'zorbly post 1', label: 'negative' });
    expect(world.trainings[0]![1]).toEqual({ text: 'zorbly post 2', label: 'negative', lang: 'en' });
    expect(world.versions[0]).toMatchObject({
      status: 'trained',
      correctionsUpTo: '40',
      requestedBy: 'ada@example.com',
      before: { accuracy: 0.5, macroF1: 0.4 },
      after: { accuracy: 0.9, macroF1: 0.8 },
      active: true,
    });
    expect(world.announcements).toBe(1);
    expect(world.audited).toEqual([
      expect.objectContaining({
        action: 'sentiment-adaptation.activated',
        target: { type: 'sentiment-adaptation', id: '1' },
        before: { activeId: null },
      }),
    ]);
  });

  it('stores a worse version inactive, with its figures, and leaves the active one in place', async () => {
    world.correct(40);
    await trainer.run(null);
    world.correct(10, 'positive');
    world.answer = (texts) => trained(texts.length, 0.8, 0.6);
    const outcome = await trainer.run(null);
    expect(outcome).toMatchObject({ outcome: 'trained', versionId: 2, activated: false });
    expect(world.versions.map((v) => [v.id, v.active])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(world.announcements).toBe(1);
  });

  it('does nothing when there is no correction since the last training', async () => {
    world.correct(40);
    await trainer.run(null);
    expect(await trainer.run(null)).toEqual({
      outcome: 'skipped',
      reason: 'no corrections since version 1: nothing new to learn',
    });
    expect(world.trainings).toHaveLength(1);
  });

  it('records corrections the training refused as a failed version, and does not try them again', async () => {
    world.correct(25);
    world.answer = () => ({ kind: 'refused', reason: '12 usable labelled texts; adapting needs at least 20' });
    expect(await trainer.run(null)).toEqual({
      outcome: 'failed',
      versionId: 1,
      reason: '12 usable labelled texts; adapting needs at least 20',
    });
    expect(world.versions[0]).toMatchObject({ status: 'failed', correctionsUpTo: '25', active: false });
    expect((await trainer.run(null)).outcome).toBe('skipped');
    expect(world.trainings).toHaveLength(1);
    expect(world.announcements).toBe(0);
  });

  it('stores nothing twice when another worker trained the same corrections meanwhile', async () => {
    world.correct(40);
    const slow = new SentimentTrainer({
      ...world.dependencies(),
      // Another trainer stores these corrections while this one trains.
      train: async (texts) => {
        await new SentimentTrainer(world.dependencies()).run(null);
        return trained(texts.length, 0.5, 0.9);
      },
    });
    expect(await slow.run(null)).toEqual({ outcome: 'skipped', reason: 'these corrections were trained on already' });
    expect(world.versions).toHaveLength(1);
    expect(world.announcements).toBe(1);
  });

  it('trains again without new corrections once the bundled model changed', async () => {
    world.correct(40);
    await trainer.run(null);
    const next = new SentimentTrainer({ ...world.dependencies(), bundledModelId: 'bundled-2027' });
    world.answer = (texts) => ({ ...trained(texts.length, 0.5, 0.9), baseModelId: 'bundled-2027' });
    expect(await next.run(null)).toMatchObject({ outcome: 'trained', versionId: 2, activated: true });
  });
});
