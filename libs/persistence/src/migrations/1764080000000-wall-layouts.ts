import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wall layouts: named themes and scenes an admin stores, one of them the default, and the layout
 * each kiosk screen was given. Screens without one show the default, else the built-in layout.
 */
export class WallLayouts1764080000000 implements MigrationInterface {
  name = 'WallLayouts1764080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE wall_layout (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        theme text NOT NULL,
        scenes jsonb NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT wall_layout_theme_check CHECK (theme IN ('dark', 'high-contrast')),
        CONSTRAINT wall_layout_scenes_check CHECK (jsonb_typeof(scenes) = 'array')
      )`);
    // At most one default: a screen that was given no layout must not have two to choose from.
    await queryRunner.query(
      `CREATE UNIQUE INDEX wall_layout_one_default_idx ON wall_layout (is_default) WHERE is_default`,
    );
    await queryRunner.query(
      `ALTER TABLE kiosk_token ADD COLUMN layout_id uuid REFERENCES wall_layout (id) ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX kiosk_token_layout_idx ON kiosk_token (layout_id) WHERE layout_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE kiosk_token DROP COLUMN layout_id`);
    await queryRunner.query(`DROP TABLE wall_layout`);
  }
}
