import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The marketing calendar: launches, press releases, webinars and ad flights that the team enters,
 * drawn on every time chart. Charts ask for the events overlapping a window, hence the index on
 * starts_at (an event never ends before it starts, so `starts_at < window end` narrows first).
 */
export class Calendar1764075000000 implements MigrationInterface {
  name = 'Calendar1764075000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        kind text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        notes text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_event_title_check CHECK (char_length(title) BETWEEN 1 AND 200),
        CONSTRAINT calendar_event_kind_check
          CHECK (kind IN ('launch', 'press_release', 'webinar', 'ad_flight', 'other')),
        CONSTRAINT calendar_event_span_check CHECK (ends_at IS NULL OR ends_at >= starts_at),
        CONSTRAINT calendar_event_notes_check CHECK (char_length(notes) <= 2000)
      )`);
    await queryRunner.query(`CREATE INDEX calendar_event_starts_at_idx ON calendar_event (starts_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE calendar_event`);
  }
}
