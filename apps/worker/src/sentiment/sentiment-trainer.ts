import type { Actor } from '@watchfloor/access';
import { activationVerdict, retrainVerdict } from '@watchfloor/analysis';
import type { LabelledText } from '@watchfloor/analysis';
import type {
  AuditRepository,
  SentimentAdaptationRepository,
  SentimentCorrectionRepository,
} from '@watchfloor/persistence';
import type { AdaptationThreadResult } from './adaptation-thread-protocol';

/** How the audit log and the version list name a training's own activation. */
export const TRAINER: Actor = { type: 'system', id: null, label: 'Watchfloor (after training)' };

export interface SentimentTrainerDependencies {
  corrections: Pick<SentimentCorrectionRepository, 'summary' | 'corrected'>;
  adaptations: Pick<SentimentAdaptationRepository, 'latest' | 'insert' | 'activate'>;
  audit: Pick<AuditRepository, 'audited'>;
  /** The CPU-bound part, off the event loop. */
  train: (texts: LabelledText[]) => Promise<AdaptationThreadResult>;
  /** Tells every process to load the active adaptation. */
  announce: () => Promise<void>;
  /** The model the scorers run now: adaptations are trained on it. */
  bundledModelId: string;
  minimum: number;
}

export type TrainingOutcome =
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'failed'; versionId: number; reason: string }
  | { outcome: 'trained'; versionId: number; activated: boolean; reason: string };

/**
 * Retrains the installation's sentiment adaptation when there is something new to learn: reads
 * the corrections, trains on them, stores the version with its held-back figures, and activates it
 * if it does at least as well as the bundled model. Safe to run twice on the same corrections (a
 * retried job, two workers): the second store finds them trained already and does nothing.
 */
export class SentimentTrainer {
  constructor(private readonly deps: SentimentTrainerDependencies) {}

  async run(requestedBy: string | null): Promise<TrainingOutcome> {
    const { corrections, adaptations, bundledModelId, minimum } = this.deps;
    const latest = await adaptations.latest();
    const summary = await corrections.summary(latest?.correctionsUpTo ?? null);
    const due = retrainVerdict({
      corrections: { available: summary.available, newSince: summary.newSince },
      latest,
      bundledModelId,
      minimum,
    });
    if (!due.yes) return { outcome: 'skipped', reason: due.reason };

    const { texts, upTo } = await corrections.corrected();
    const result = await this.deps.train(
      texts.map(({ text, lang, label }) => ({ text, label, ...(lang !== null && { lang }) })),
    );
    const stored = { correctionsUpTo: upTo, requestedBy };
    if (result.kind === 'refused') {
      const versionId = await adaptations.insert({
        ...stored,
        baseModelId: bundledModelId,
        status: 'failed',
        error: result.reason,
      });
      return versionId === null ? alreadyTrained() : { outcome: 'failed', versionId, reason: result.reason };
    }

    const activation = activationVerdict(result);
    const versionId = await this.deps.audit.audited(async (db, audit) => {
      const id = await adaptations.insert(
        {
          ...stored,
          baseModelId: result.baseModelId,
          status: 'trained',
          trainedOn: result.trainedOn,
          heldOut: result.heldOut,
          before: { accuracy: result.accuracyBefore, macroF1: result.macroF1Before },
          after: { accuracy: result.accuracyAfter, macroF1: result.macroF1After },
          weights: result.weights,
        },
        db,
      );
      if (id === null || !activation.yes) return id;
      const previous = await adaptations.activate(id, TRAINER.label, db);
      await audit({
        actor: TRAINER,
        action: 'sentiment-adaptation.activated',
        target: { type: 'sentiment-adaptation', id: String(id) },
        before: { activeId: previous },
        after: { activeId: id, reason: activation.reason },
      });
      return id;
    });
    if (versionId === null) return alreadyTrained();
    if (activation.yes) await this.deps.announce();
    return { outcome: 'trained', versionId, activated: activation.yes, reason: activation.reason };
  }
}

function alreadyTrained(): TrainingOutcome {
  return { outcome: 'skipped', reason: 'these corrections were trained on already' };
}
