import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mention (
        id bigserial PRIMARY KEY,
        platform text NOT NULL,
        external_id text NOT NULL,
        source text NOT NULL,
        url text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL,
        ingested_at timestamptz NOT NULL,
        author_handle text NOT NULL,
        author_name text,
        author_followers integer,
        author_verified boolean,
        lang text,
        reply_to_id text,
        repost_of_id text,
        metrics jsonb,
        sentiment_label text NOT NULL,
        sentiment_score real NOT NULL,
        batch_id text NOT NULL,
        raw jsonb NOT NULL,
        CONSTRAINT mention_platform_external_id_key UNIQUE (platform, external_id),
        CONSTRAINT mention_sentiment_label_check CHECK (sentiment_label IN ('positive', 'neutral', 'negative'))
      )`);
    await queryRunner.query(`CREATE INDEX mention_ingested_at_idx ON mention (ingested_at)`);
    await queryRunner.query(`CREATE INDEX mention_batch_id_idx ON mention (batch_id)`);
    await queryRunner.query(`
      CREATE TABLE mention_volume_minute (
        minute timestamptz NOT NULL,
        platform text NOT NULL,
        positive integer NOT NULL DEFAULT 0,
        neutral integer NOT NULL DEFAULT 0,
        negative integer NOT NULL DEFAULT 0,
        score_sum double precision NOT NULL DEFAULT 0,
        PRIMARY KEY (minute, platform)
      )`);
    await queryRunner.query(`
      CREATE TABLE dead_letter (
        id bigserial PRIMARY KEY,
        batch_id text NOT NULL,
        item_index integer NOT NULL,
        source text NOT NULL,
        reason text NOT NULL,
        payload jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dead_letter_batch_item_key UNIQUE (batch_id, item_index)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dead_letter`);
    await queryRunner.query(`DROP TABLE mention_volume_minute`);
    await queryRunner.query(`DROP TABLE mention`);
  }
}
