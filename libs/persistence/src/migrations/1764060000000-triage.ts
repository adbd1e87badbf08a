import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing and triage: versioned rule sets, flagged items in team inboxes with their history,
 * replies (one per idempotency key), response templates, corrections of analysis, notification
 * channels and the grouped alerts waiting to be sent to them.
 */
export class Triage1764060000000 implements MigrationInterface {
  name = 'Triage1764060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rule_set_version (
        version integer PRIMARY KEY,
        rules jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    // Null business hours: the team works around the clock.
    await queryRunner.query(`ALTER TABLE team ADD COLUMN business_hours jsonb`);
    await queryRunner.query(`ALTER TABLE team ADD COLUMN capacity_per_agent integer NOT NULL DEFAULT 20`);
    await queryRunner.query(`
      CREATE TABLE triage_item (
        id bigserial PRIMARY KEY,
        mention_id bigint NOT NULL UNIQUE REFERENCES mention (id),
        team_id uuid NOT NULL REFERENCES team (id),
        priority text NOT NULL,
        status text NOT NULL DEFAULT 'new',
        assignee_id uuid REFERENCES app_user (id),
        rule_id text NOT NULL,
        rule_name text NOT NULL,
        rule_version integer NOT NULL,
        reasons jsonb NOT NULL,
        notify text[] NOT NULL DEFAULT '{}',
        escalate_to_team_id uuid REFERENCES team (id),
        sla jsonb,
        due_at timestamptz,
        escalation_level integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        first_response_at timestamptz,
        first_responder_id uuid REFERENCES app_user (id),
        resolved_at timestamptz,
        tags text[] NOT NULL DEFAULT '{}',
        echo_count integer NOT NULL DEFAULT 0,
        corrected_sentiment text,
        not_relevant boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT triage_item_priority_check CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
        CONSTRAINT triage_item_status_check
          CHECK (status IN ('new', 'in_progress', 'waiting', 'responded', 'resolved', 'escalated', 'spam')),
        CONSTRAINT triage_item_correction_check
          CHECK (corrected_sentiment IS NULL OR corrected_sentiment IN ('positive', 'neutral', 'negative'))
      )`);
    await queryRunner.query(`CREATE INDEX triage_item_inbox_idx ON triage_item (team_id, priority, created_at, id)`);
    await queryRunner.query(
      `CREATE INDEX triage_item_assignee_idx ON triage_item (assignee_id) WHERE assignee_id IS NOT NULL`,
    );
    // The SLA clock's sweep reads only items still waiting for a first response.
    await queryRunner.query(`CREATE INDEX triage_item_due_idx ON triage_item (due_at) WHERE due_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE triage_event (
        id bigserial PRIMARY KEY,
        item_id bigint NOT NULL REFERENCES triage_item (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_id uuid,
        kind text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX triage_event_item_idx ON triage_event (item_id, id)`);
    await queryRunner.query(`
      CREATE TABLE triage_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id bigint NOT NULL REFERENCES triage_item (id),
        idempotency_key text NOT NULL UNIQUE,
        author_id uuid NOT NULL REFERENCES app_user (id),
        author_name text NOT NULL,
        text text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        external_id text,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT triage_reply_status_check CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'unsupported'))
      )`);
    await queryRunner.query(`CREATE INDEX triage_reply_item_idx ON triage_reply (item_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE response_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        body text NOT NULL,
        team_id uuid REFERENCES team (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT response_template_name_key UNIQUE (name)
      )`);
    await queryRunner.query(`
      CREATE TABLE notification_channel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        kind text NOT NULL,
        -- The URL (a webhook's URL is its credential) or the recipients, under the SecretBox.
        target_sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_channel_kind_check CHECK (kind IN ('slack', 'teams', 'webhook', 'email'))
      )`);
    // One row per channel, rule and kind: the alerts gathered since the last message went out.
    await queryRunner.query(`
      CREATE TABLE alert_group (
        channel_id uuid NOT NULL REFERENCES notification_channel (id) ON DELETE CASCADE,
        rule_id text NOT NULL,
        kind text NOT NULL,
        rule_name text NOT NULL,
        team_name text NOT NULL,
        priority text NOT NULL,
        pending integer NOT NULL DEFAULT 0,
        first_at timestamptz,
        last_at timestamptz,
        samples jsonb NOT NULL DEFAULT '[]',
        last_sent_at timestamptz,
        sent integer NOT NULL DEFAULT 0,
        PRIMARY KEY (channel_id, rule_id, kind)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'alert_group',
      'notification_channel',
      'response_template',
      'triage_reply',
      'triage_event',
      'triage_item',
      'rule_set_version',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE team DROP COLUMN capacity_per_agent`);
    await queryRunner.query(`ALTER TABLE team DROP COLUMN business_hours`);
  }
}
