import type { DataSource } from 'typeorm';
import type { HeldBackFigures, SentimentAdaptationVersion } from '@watchfloor/contracts';
import type { Queryable } from '../data-source';

/** A version as stored; whether it suits the bundled model running now is the caller's to say. */
export type StoredSentimentAdaptation = Omit<SentimentAdaptationVersion, 'usable'>;

/** What the trainer stores after a training, successful or not. */
export type NewSentimentAdaptation = {
  baseModelId: string;
  /** The newest correction (a triage event id) the training saw: how a later run knows whether there is anything new. */
  correctionsUpTo: string;
  requestedBy: string | null;
} & (
  | {
      status: 'trained';
      trainedOn: number;
      heldOut: number;
      before: HeldBackFigures;
      after: HeldBackFigures;
      /** `encodeAdaptation`'s bytes. */
      weights: Uint8Array;
    }
  | { status: 'failed'; error: string }
);

/** The version the scorers should use, with its weights. */
export interface ActiveSentimentAdaptation {
  id: number;
  weights: Buffer;
}

interface VersionRow {
  id: number;
  created_at: Date;
  base_model_id: string;
  status: 'trained' | 'failed';
  error: string | null;
  requested_by: string | null;
  trained_on: number | null;
  held_out: number | null;
  accuracy_before: number | null;
  accuracy_after: number | null;
  macro_f1_before: number | null;
  macro_f1_after: number | null;
  active: boolean;
  activated_at: Date | null;
  activated_by: string | null;
}

const COLUMNS = `id, created_at, base_model_id, status, error, requested_by, trained_on, held_out, accuracy_before,
  accuracy_after, macro_f1_before, macro_f1_after, active, activated_at, activated_by`;
/** Serializes changes of the active version: two admins activating different ones at once must not both win. */
const ACTIVE_ADAPTATION_LOCK = 0x73656e74;
/** An admin page shows this many versions; older ones stay stored. */
const LISTED_VERSIONS = 100;

/** The versions of the installation's sentiment adaptation, and which one the scorers use. */
export class SentimentAdaptationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest first, without their weights. */
  async list(db: Queryable = this.dataSource): Promise<StoredSentimentAdaptation[]> {
    const rows = await db.query<VersionRow[]>(`SELECT ${COLUMNS} FROM sentiment_adaptation ORDER BY id DESC LIMIT $1`, [
      LISTED_VERSIONS,
    ]);
    return rows.map(fromRow);
  }

  async get(id: number, db: Queryable = this.dataSource): Promise<StoredSentimentAdaptation | null> {
    const [row] = await db.query<VersionRow[]>(`SELECT ${COLUMNS} FROM sentiment_adaptation WHERE id = $1`, [id]);
    return row === undefined ? null : fromRow(row);
  }

  /** The newest training, failed or not: what a retrain compares the corrections with. */
  async latest(
    db: Queryable = this.dataSource,
  ): Promise<{ id: number; baseModelId: string; correctionsUpTo: string } | null> {
    const [row] = await db.query<{ id: number; base_model_id: string; corrections_up_to: string }[]>(
      `SELECT id, base_model_id, corrections_up_to FROM sentiment_adaptation ORDER BY id DESC LIMIT 1`,
    );
    return row === undefined
      ? null
      : { id: row.id, baseModelId: row.base_model_id, correctionsUpTo: row.corrections_up_to };
  }

  /** Cheap enough to ask every minute: the weights are read only when it changed. */
  async activeId(): Promise<number | null> {
    const [row] = await this.dataSource.query<{ id: number }[]>(`SELECT id FROM sentiment_adaptation WHERE active`);
    return row?.id ?? null;
  }

  async active(): Promise<ActiveSentimentAdaptation | null> {
    const [row] = await this.dataSource.query<{ id: number; weights: Buffer }[]>(
      `SELECT id, weights FROM sentiment_adaptation WHERE active`,
    );
    return row ?? null;
  }

  /**
   * Stores a training's outcome, inactive; null if these corrections were already trained on this
   * model (another worker got there first, or a retried job).
   */
  async insert(version: NewSentimentAdaptation, db: Queryable = this.dataSource): Promise<number | null> {
    const trained = version.status === 'trained' ? version : null;
    const [row] = await db.query<{ id: number }[]>(
      `INSERT INTO sentiment_adaptation (base_model_id, status, error, requested_by, corrections_up_to, trained_on,
         held_out, accuracy_before, accuracy_after, macro_f1_before, macro_f1_after, weights)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (base_model_id, corrections_up_to) DO NOTHING
       RETURNING id`,
      [
        version.baseModelId,
        version.status,
        version.status === 'failed' ? version.error : null,
        version.requestedBy,
        version.correctionsUpTo,
        trained?.trainedOn ?? null,
        trained?.heldOut ?? null,
        trained?.before.accuracy ?? null,
        trained?.after.accuracy ?? null,
        trained?.before.macroF1 ?? null,
        trained?.after.macroF1 ?? null,
        trained === null
          ? null
          : Buffer.from(trained.weights.buffer, trained.weights.byteOffset, trained.weights.byteLength),
      ],
    );
    return row?.id ?? null;
  }

  /**
   * Makes one version the active one (null: none, the scorers use the bundled model alone), and
   * returns the one active before. Run it in the caller's transaction: the old one is cleared and
   * the new one set together. A failed version cannot be activated (the table refuses it).
   */
  async activate(id: number | null, by: string, db: Queryable): Promise<number | null> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [ACTIVE_ADAPTATION_LOCK]);
    const [previous] = await db.query<{ id: number }[]>(`SELECT id FROM sentiment_adaptation WHERE active`);
    // Cleared first, in its own statement: the unique index is checked row by row.
    await db.query(`UPDATE sentiment_adaptation SET active = false WHERE active AND id IS DISTINCT FROM $1`, [id]);
    if (id !== null && previous?.id !== id) {
      await db.query(
        `UPDATE sentiment_adaptation SET active = true, activated_at = now(), activated_by = $2 WHERE id = $1`,
        [id, by],
      );
    }
    return previous?.id ?? null;
  }
}

function fromRow(row: VersionRow): StoredSentimentAdaptation {
  const trained = row.status === 'trained';
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    baseModelId: row.base_model_id,
    status: row.status,
    error: row.error,
    requestedBy: row.requested_by,
    trainedOn: row.trained_on,
    heldOut: row.held_out,
    before: trained ? { accuracy: row.accuracy_before!, macroF1: row.macro_f1_before! } : null,
    after: trained ? { accuracy: row.accuracy_after!, macroF1: row.macro_f1_after! } : null,
    active: row.active,
    activatedAt: row.activated_at?.toISOString() ?? null,
    activatedBy: row.activated_by,
  };
}
