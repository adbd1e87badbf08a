import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The installation's sentiment adaptations, one row per training: the weights learned from the
 * console's corrections, the held-back figures before and after, and which one (if any) the
 * scorers use. A failed training is kept too, with its error, so the admin sees why nothing changed
 * and the trainer does not try the same corrections again.
 */
export class SentimentAdaptations1765000000000 implements MigrationInterface {
  name = 'SentimentAdaptations1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sentiment_adaptation (
        id serial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        base_model_id text NOT NULL,
        status text NOT NULL,
        error text,
        requested_by text,
        corrections_up_to bigint NOT NULL,
        trained_on integer,
        held_out integer,
        accuracy_before double precision,
        accuracy_after double precision,
        macro_f1_before double precision,
        macro_f1_after double precision,
        weights bytea,
        active boolean NOT NULL DEFAULT false,
        activated_at timestamptz,
        activated_by text,
        CONSTRAINT sentiment_adaptation_status_check CHECK (status IN ('trained', 'failed')),
        CONSTRAINT sentiment_adaptation_trained_check CHECK (
          status = 'failed' OR (weights IS NOT NULL AND trained_on IS NOT NULL AND held_out IS NOT NULL
            AND accuracy_before IS NOT NULL AND accuracy_after IS NOT NULL
            AND macro_f1_before IS NOT NULL AND macro_f1_after IS NOT NULL)),
        CONSTRAINT sentiment_adaptation_failed_check CHECK (status = 'trained' OR (error IS NOT NULL AND NOT active))
      )`);
    // At most one active: the scorers must never have two to choose from.
    await queryRunner.query(
      `CREATE UNIQUE INDEX sentiment_adaptation_one_active_idx ON sentiment_adaptation (active) WHERE active`,
    );
    // The same corrections on the same bundled model train once, however many workers try.
    await queryRunner.query(
      `CREATE UNIQUE INDEX sentiment_adaptation_trained_once_idx ON sentiment_adaptation (base_model_id, corrections_up_to)`,
    );
    // "Anything new since the last training?" reads the newest correction event, every few minutes.
    await queryRunner.query(`CREATE INDEX triage_event_correction_idx ON triage_event (id) WHERE kind = 'correction'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX triage_event_correction_idx`);
    await queryRunner.query(`DROP TABLE sentiment_adaptation`);
  }
}
