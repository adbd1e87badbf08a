import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries signed under AUDIT_SIGNING_KEY (null on entries from before, which stay verifiable
 * by their hash chain), and signed checkpoints of the chain's head, one per change, so deleting
 * the newest entries is detected. Checkpoints are append-only like the entries.
 */
export class SignedAudit1765200000000 implements MigrationInterface {
  name = 'SignedAudit1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_entry ADD COLUMN signature text`);
    await queryRunner.query(`
      CREATE TABLE audit_checkpoint (
        seq bigint PRIMARY KEY,
        head_hash text NOT NULL,
        at timestamptz NOT NULL,
        signature text
      )`);
    await queryRunner.query(`
      CREATE TRIGGER audit_checkpoint_no_change BEFORE UPDATE OR DELETE ON audit_checkpoint
      FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_checkpoint`);
    await queryRunner.query(`ALTER TABLE audit_entry DROP COLUMN signature`);
  }
}
