import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sentiment readings carry a confidence, and a language the scorer cannot read is stored as
 * `unsupported` (counted apart in the volume table) instead of passing for neutral.
 */
export class SentimentReadings1764040000000 implements MigrationInterface {
  name = 'SentimentReadings1764040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mention ADD COLUMN sentiment_confidence real NOT NULL DEFAULT 0.5`);
    await queryRunner.query(`ALTER TABLE mention DROP CONSTRAINT mention_sentiment_label_check`);
    await queryRunner.query(`
      ALTER TABLE mention ADD CONSTRAINT mention_sentiment_label_check
        CHECK (sentiment_label IN ('positive', 'neutral', 'negative', 'unsupported'))`);
    await queryRunner.query(`ALTER TABLE mention_volume_minute ADD COLUMN unsupported integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mention_volume_minute DROP COLUMN unsupported`);
    await queryRunner.query(`DELETE FROM mention WHERE sentiment_label = 'unsupported'`);
    await queryRunner.query(`ALTER TABLE mention DROP CONSTRAINT mention_sentiment_label_check`);
    await queryRunner.query(`
      ALTER TABLE mention ADD CONSTRAINT mention_sentiment_label_check
        CHECK (sentiment_label IN ('positive', 'neutral', 'negative'))`);
    await queryRunner.query(`ALTER TABLE mention DROP COLUMN sentiment_confidence`);
  }
}
