import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An issue's most representative post (the sample closest to its centre), beside its samples.
 * Null for issues stored before it was kept: the next update of an open issue fills it.
 */
export class IssueRepresentative1765100000000 implements MigrationInterface {
  name = 'IssueRepresentative1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE issue ADD COLUMN representative jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE issue DROP COLUMN representative`);
  }
}
