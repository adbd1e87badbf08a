import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PR team's side of an emerging issue: who owns it, where the response stands, how urgent it
 * is, who acknowledged a P1; notes; and the history of those changes for post-mortems. No foreign
 * key to `issue`: analysis may raise an issue to P1 in the same round it first saves the issue.
 */
export class IssueCases1764070000000 implements MigrationInterface {
  name = 'IssueCases1764070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE issue_case (
        issue_id text PRIMARY KEY,
        owner_id uuid REFERENCES app_user (id),
        status text NOT NULL DEFAULT 'new',
        priority text,
        -- A person's name, or 'spike incident' when analysis raised it.
        priority_set_by text,
        priority_set_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Optimistic concurrency: a change names the version it was made against.
        version integer NOT NULL DEFAULT 0,
        CONSTRAINT issue_case_status_check
          CHECK (status IN ('new', 'investigating', 'responding', 'monitoring', 'resolved')),
        CONSTRAINT issue_case_priority_check CHECK (priority IS NULL OR priority IN ('P1', 'P2', 'P3', 'P4'))
      )`);
    // The wall's crisis mode asks for these every few seconds.
    await queryRunner.query(
      `CREATE INDEX issue_case_unacknowledged_p1_idx ON issue_case (priority_set_at)
       WHERE priority = 'P1' AND acknowledged_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE issue_note (
        id bigserial PRIMARY KEY,
        issue_id text NOT NULL,
        author_id uuid NOT NULL REFERENCES app_user (id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT issue_note_body_check CHECK (char_length(body) BETWEEN 1 AND 4000)
      )`);
    await queryRunner.query(`CREATE INDEX issue_note_issue_idx ON issue_note (issue_id, id)`);
    await queryRunner.query(`
      CREATE TABLE issue_case_event (
        id bigserial PRIMARY KEY,
        issue_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_id uuid,
        kind text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT issue_case_event_kind_check CHECK (kind IN ('priority', 'owner', 'status', 'acknowledged'))
      )`);
    await queryRunner.query(`CREATE INDEX issue_case_event_issue_idx ON issue_case_event (issue_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['issue_case_event', 'issue_note', 'issue_case']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
