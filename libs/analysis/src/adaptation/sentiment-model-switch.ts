import { SentimentScorer } from '../sentiment/sentiment-scorer';
import type { SentimentReading } from '../sentiment/rule-sentiment-scorer';
import { decodeAdaptation } from '../sentiment/learned/sentiment-adaptation';
import type { SentimentAdaptation } from '../sentiment/learned/sentiment-adaptation';

/** Where the active adaptation is stored (the database). */
export interface ActiveAdaptationStore {
  /** Asked every refresh: cheap, the weights are read only when it changed. */
  activeId(): Promise<number | null>;
  active(): Promise<{ id: number; weights: Uint8Array } | null>;
}

export interface SentimentModelSwitchOptions {
  store: ActiveAdaptationStore;
  log: {
    log(fields: Record<string, unknown>, message: string): void;
    warn(fields: Record<string, unknown>, message: string): void;
  };
  /** How a scorer is made; the real one by default. */
  createScorer?: (adaptation?: SentimentAdaptation) => Pick<SentimentScorer, 'score' | 'read'>;
}

/** A fallback for an announcement missed while Redis was away. */
export const ADAPTATION_REFRESH_EVERY_MS = 60_000;

/**
 * The scorer a process uses, swapped when the active adaptation changes: scoring always uses the
 * scorer in hand and never waits for a load. An adaptation that does not decode, or was trained on
 * another bundled model, is logged and left aside: the bundled model goes on scoring, and the
 * same version is not tried again until another is activated.
 */
export class SentimentModelSwitch {
  private scorer: Pick<SentimentScorer, 'score' | 'read'>;
  private readonly createScorer: (adaptation?: SentimentAdaptation) => Pick<SentimentScorer, 'score' | 'read'>;
  private scoringWith: number | null = null;
  /** The version last read from the store, used or refused: refreshes skip it. */
  private seen: number | null = null;
  private refreshing: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;

  constructor(private readonly options: SentimentModelSwitchOptions) {
    this.createScorer = options.createScorer ?? ((adaptation) => new SentimentScorer(adaptation ? { adaptation } : {}));
    this.scorer = this.createScorer();
  }

  readonly score = (text: string, lang?: string): SentimentReading => this.scorer.score(text, lang);

  /** The reading without its explanation: the ingest path's. */
  readonly read = (text: string, lang?: string): Omit<SentimentReading, 'explanation'> => this.scorer.read(text, lang);

  /** The adaptation scoring now; null: the bundled model alone. */
  get adaptationId(): number | null {
    return this.scoringWith;
  }

  /**
   * Loads the active adaptation, then follows changes: at each announcement, and every
   * `everyMs` besides. A store that cannot be read at start leaves the bundled model scoring.
   */
  async start(
    listen: (onChange: () => void) => Promise<() => void>,
    everyMs = ADAPTATION_REFRESH_EVERY_MS,
  ): Promise<void> {
    const refresh = () => void this.refresh();
    this.stopListening = await listen(refresh);
    await this.refresh();
    this.timer = setInterval(refresh, everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.stopListening?.();
  }

  /** Never rejects: what goes wrong is logged. Refreshes asked for during one run once more after it. */
  async refresh(): Promise<void> {
    if (this.refreshing !== null) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        try {
          await this.load();
        } catch (error) {
          this.options.log.warn({ error: (error as Error).message }, 'sentiment adaptation not refreshed');
        }
      } while (this.again);
    })();
    try {
      await this.refreshing;
    } finally {
      this.refreshing = null;
    }
  }

  private async load(): Promise<void> {
    const { store, log } = this.options;
    const activeId = await store.activeId();
    if (activeId === this.seen) return;
    const active = activeId === null ? null : await store.active();
    this.seen = active?.id ?? null;
    if (active === null) return this.use(null);
    let scorer: Pick<SentimentScorer, 'score' | 'read'>;
    try {
      scorer = this.createScorer(decodeAdaptation(active.weights));
    } catch (error) {
      log.warn(
        { adaptationId: active.id, error: (error as Error).message },
        'sentiment adaptation refused: the bundled model goes on scoring',
      );
      return this.use(null);
    }
    this.use(active.id, scorer);
  }

  private use(adaptationId: number | null, scorer?: Pick<SentimentScorer, 'score' | 'read'>): void {
    if (adaptationId === null && this.scoringWith === null) return;
    const previous = this.scoringWith;
    this.scorer = scorer ?? this.createScorer();
    this.scoringWith = adaptationId;
    this.options.log.log(
      { adaptationId, previous },
      adaptationId === null ? 'sentiment scored by the bundled model' : 'sentiment scored with an adaptation',
    );
  }
}
