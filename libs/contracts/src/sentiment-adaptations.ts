/** How well a model labels the held-back corrections. */
export interface HeldBackFigures {
  accuracy: number;
  macroF1: number;
}

/**
 * One trained (or failed) version of the installation's sentiment adaptation, as the admin page
 * lists it. `before` is the bundled model alone on the held-back corrections, `after` the model
 * with this adaptation; both are null for a failed training.
 */
export interface SentimentAdaptationVersion {
  id: number;
  createdAt: string;
  /** The bundled model it adjusts; a version trained on another cannot be activated. */
  baseModelId: string;
  status: 'trained' | 'failed';
  /** Why training failed; null otherwise. */
  error: string | null;
  /** Who pressed "retrain now"; null when the schedule trained it. */
  requestedBy: string | null;
  trainedOn: number | null;
  heldOut: number | null;
  before: HeldBackFigures | null;
  after: HeldBackFigures | null;
  active: boolean;
  activatedAt: string | null;
  activatedBy: string | null;
  /** Trained against the bundled model the scorers run now: it can be activated. */
  usable: boolean;
}

/** `GET /api/sentiment/adaptations`, and the answer of every change made there. */
export interface SentimentAdaptationsOverview {
  /** The model the scorers use without an adaptation. */
  bundledModelId: string;
  /** The adaptation the scorers use; null: the bundled model alone. */
  activeId: number | null;
  /** The newest first. */
  versions: SentimentAdaptationVersion[];
  corrections: {
    /** Flagged items whose sentiment someone corrected: what a retrain learns from. */
    available: number;
    /** Corrections made since the newest version was trained. */
    new: number;
    /** The fewest a training learns from: a held-back slice of a handful would measure nothing. */
    minimum: number;
  };
  /** Whether a retrain would learn anything, and if not, why. */
  retrain: { due: boolean; reason: string };
}

/** `POST /api/sentiment/adaptations/retrain` (202): queued; the new version shows in the list once trained. */
export interface SentimentRetrainRequest {
  queued: true;
  /** What the retrain will learn from, e.g. "5 corrections since version 3". */
  reason: string;
}
