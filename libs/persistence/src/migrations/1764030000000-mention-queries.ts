import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which saved queries each mention matches. A constant default: PostgreSQL adds it without rewriting the table. */
export class MentionQueries1764030000000 implements MigrationInterface {
  name = 'MentionQueries1764030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mention ADD COLUMN query_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mention DROP COLUMN query_ids`);
  }
}
