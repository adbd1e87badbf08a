import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a dead letter was sent back through ingestion (`watchfloor dlq replay`): null while it
 * waits. The partial index serves `--all`, which pages through the waiting ones by id.
 */
export class DeadLetterReplay1764085000000 implements MigrationInterface {
  name = 'DeadLetterReplay1764085000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE dead_letter ADD COLUMN replayed_at timestamptz`);
    await queryRunner.query(`CREATE INDEX dead_letter_waiting_idx ON dead_letter (id) WHERE replayed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX dead_letter_waiting_idx`);
    await queryRunner.query(`ALTER TABLE dead_letter DROP COLUMN replayed_at`);
  }
}
