import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kiosk tokens expire, and rotating one swaps its hash in place (the screen keeps its name,
 * layout and history). Screens made before get 90 days from the upgrade, not a blank wall.
 */
export class KioskExpiry1765500000000 implements MigrationInterface {
  name = 'KioskExpiry1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE kiosk_token ADD COLUMN expires_at timestamptz`);
    await queryRunner.query(`UPDATE kiosk_token SET expires_at = now() + interval '90 days'`);
    await queryRunner.query(`ALTER TABLE kiosk_token ALTER COLUMN expires_at SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE kiosk_token ADD COLUMN rotated_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE kiosk_token DROP COLUMN rotated_at`);
    await queryRunner.query(`ALTER TABLE kiosk_token DROP COLUMN expires_at`);
  }
}
