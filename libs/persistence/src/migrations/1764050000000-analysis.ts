import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What analysis concludes: echoes (reposts, near-duplicates; only those, as a plain new voice needs
 * no row), issue membership, issues and incidents. Insert-only or upserts per batch, never a row at
 * a time; the mention table itself is not rewritten.
 */
export class Analysis1764050000000 implements MigrationInterface {
  name = 'Analysis1764050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mention_echo (
        mention_id bigint PRIMARY KEY,
        kind text NOT NULL,
        echo_of text,
        duplicate_group text,
        group_size integer,
        CONSTRAINT mention_echo_kind_check CHECK (kind IN ('original', 'repost', 'quote', 'reply'))
      )`);
    await queryRunner.query(`CREATE INDEX mention_echo_group_idx ON mention_echo (duplicate_group)`);
    await queryRunner.query(`
      CREATE TABLE issue (
        id text PRIMARY KEY,
        status text NOT NULL,
        title text[] NOT NULL,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        volume integer NOT NULL,
        voices integer NOT NULL,
        negative_share real NOT NULL,
        reach real NOT NULL,
        velocity real NOT NULL,
        samples jsonb NOT NULL,
        query_ids text[] NOT NULL,
        CONSTRAINT issue_status_check CHECK (status IN ('emerging', 'closed'))
      )`);
    await queryRunner.query(`CREATE INDEX issue_last_seen_idx ON issue (last_seen DESC)`);
    await queryRunner.query(`
      CREATE TABLE issue_mention (
        issue_id text NOT NULL,
        mention_id bigint NOT NULL,
        PRIMARY KEY (issue_id, mention_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE incident (
        id text PRIMARY KEY,
        status text NOT NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        resolved_at timestamptz,
        series text[] NOT NULL,
        related text[] NOT NULL,
        alert_count integer NOT NULL,
        peak jsonb NOT NULL,
        alerts jsonb NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by text,
        snoozed_until timestamptz,
        notifications integer NOT NULL,
        -- What people asked for (acknowledge, snooze) and analysis has not applied yet.
        requested_at timestamptz,
        requested_by text,
        requested_snooze_until timestamptz,
        request_pending boolean NOT NULL DEFAULT false,
        CONSTRAINT incident_status_check CHECK (status IN ('open', 'resolved'))
      )`);
    await queryRunner.query(`CREATE INDEX incident_opened_at_idx ON incident (opened_at DESC)`);
    await queryRunner.query(`CREATE INDEX incident_request_pending_idx ON incident (id) WHERE request_pending`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['incident', 'issue_mention', 'issue', 'mention_echo']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
