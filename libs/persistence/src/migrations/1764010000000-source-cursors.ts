import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SourceCursors1764010000000 implements MigrationInterface {
  name = 'SourceCursors1764010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE source_cursor (
        source_key text PRIMARY KEY,
        cursor jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE source_cursor`);
  }
}
