import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import { MIN_CORRECTIONS_TO_ADAPT, bundledSentimentModel, retrainVerdict } from '@watchfloor/analysis';
import type { SentimentAdaptationsOverview, SentimentRetrainRequest } from '@watchfloor/contracts';
import { SentimentAdaptationChannel, SentimentTrainingQueueClient } from '@watchfloor/messaging';
import { AuditRepository, SentimentAdaptationRepository, SentimentCorrectionRepository } from '@watchfloor/persistence';

const target = (id: number | null) => ({ type: 'sentiment-adaptation', id: id === null ? null : String(id) });

/**
 * The installation's sentiment adaptations for admins: the versions with their held-back figures,
 * retraining on request, and activating one (a rollback, when it is older) or none. Every process
 * is told of a change and swaps its scorer; one that misses the announcement does within a minute.
 */
@Injectable()
export class SentimentAdaptationsService {
  private readonly logger = new Logger(SentimentAdaptationsService.name);
  private readonly bundledModelId = bundledSentimentModel().id;

  constructor(
    private readonly adaptations: SentimentAdaptationRepository,
    private readonly corrections: SentimentCorrectionRepository,
    private readonly audit: AuditRepository,
    private readonly queue: SentimentTrainingQueueClient,
    private readonly changes: SentimentAdaptationChannel,
  ) {}

  async overview(): Promise<SentimentAdaptationsOverview> {
    const versions = await this.adaptations.list();
    const latest = await this.adaptations.latest();
    const summary = await this.corrections.summary(latest?.correctionsUpTo ?? null);
    const retrain = retrainVerdict({
      corrections: summary,
      latest,
      bundledModelId: this.bundledModelId,
      minimum: MIN_CORRECTIONS_TO_ADAPT,
    });
    return {
      bundledModelId: this.bundledModelId,
      activeId: versions.find((version) => version.active)?.id ?? null,
      versions: versions.map((version) => ({
        ...version,
        usable: version.status === 'trained' && version.baseModelId === this.bundledModelId,
      })),
      corrections: { available: summary.available, new: summary.newSince, minimum: MIN_CORRECTIONS_TO_ADAPT },
      retrain: { due: retrain.yes, reason: retrain.reason },
    };
  }

  /** Queues a retrain if it would learn anything (409 saying why not otherwise). */
  async retrain(by: Principal): Promise<SentimentRetrainRequest> {
    const { retrain } = await this.overview();
    if (!retrain.due) throw new ConflictException(`Nothing to retrain on: ${retrain.reason}`);
    const actor = actorOf(by);
    await this.audit.audited((_db, audit) =>
      audit({
        actor,
        action: 'sentiment-adaptation.retrain-requested',
        target: target(null),
        before: null,
        after: { reason: retrain.reason },
      }),
    );
    await this.queue.retrainNow(actor.label);
    return { queued: true, reason: retrain.reason };
  }

  /** Makes a version the one the scorers use: a newer one, or an older one to roll back to. */
  async activate(id: number, by: Principal): Promise<SentimentAdaptationsOverview> {
    const actor = actorOf(by);
    const changed = await this.audit.audited(async (db, audit) => {
      const version = await this.adaptations.get(id, db);
      if (version === null) throw new NotFoundException(`No sentiment adaptation version ${id}`);
      if (version.status === 'failed') {
        throw new ConflictException(`Version ${id} failed to train (${version.error}): there is nothing to activate`);
      }
      if (version.baseModelId !== this.bundledModelId) {
        throw new ConflictException(
          `Version ${id} adapts sentiment model ${version.baseModelId}, and the scorers now run ${this.bundledModelId}: retrain instead`,
        );
      }
      const previous = await this.adaptations.activate(id, actor.label, db);
      if (previous === id) return false;
      await audit({
        actor,
        action:
          previous !== null && previous > id ? 'sentiment-adaptation.rolled-back' : 'sentiment-adaptation.activated',
        target: target(id),
        before: { activeId: previous },
        after: { activeId: id },
      });
      return true;
    });
    if (changed) await this.announce();
    return this.overview();
  }

  /** Back to the bundled model alone; the versions stay, to be activated again. */
  async deactivate(by: Principal): Promise<SentimentAdaptationsOverview> {
    const actor = actorOf(by);
    const changed = await this.audit.audited(async (db, audit) => {
      const previous = await this.adaptations.activate(null, actor.label, db);
      if (previous === null) return false;
      await audit({
        actor,
        action: 'sentiment-adaptation.deactivated',
        target: target(previous),
        before: { activeId: previous },
        after: { activeId: null },
      });
      return true;
    });
    if (changed) await this.announce();
    return this.overview();
  }

  /** The change is committed: a lost announcement only delays it to the processes' next periodic check. */
  private async announce(): Promise<void> {
    try {
      await this.changes.announce();
    } catch (error) {
      this.logger.warn(
        { error: (error as Error).message },
        'sentiment adaptation change not announced: processes pick it up within a minute',
      );
    }
  }
}
