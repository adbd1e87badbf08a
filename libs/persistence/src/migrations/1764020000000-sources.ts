import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sources1764020000000 implements MigrationInterface {
  name = 'Sources1764020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}',
        credentials_sealed text,
        credential_fields text[] NOT NULL DEFAULT '{}',
        poll_seconds integer NOT NULL,
        monthly_read_budget integer,
        enabled boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT source_name_key UNIQUE (name),
        CONSTRAINT source_poll_seconds_check CHECK (poll_seconds >= 0),
        CONSTRAINT source_monthly_read_budget_check CHECK (monthly_read_budget IS NULL OR monthly_read_budget > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE source_health (
        source_id uuid PRIMARY KEY REFERENCES source (id) ON DELETE CASCADE,
        month date NOT NULL,
        reads_this_month integer NOT NULL DEFAULT 0,
        last_activity_at timestamptz,
        last_success_at timestamptz,
        last_error_at timestamptz,
        last_error_kind text,
        last_error text,
        newest_mention_at timestamptz,
        rate_limit_remaining integer,
        rate_limit_limit integer,
        rate_limit_reset_at timestamptz,
        blocked_until timestamptz,
        stream_connected boolean,
        warnings jsonb NOT NULL DEFAULT '[]',
        query_estimates jsonb NOT NULL DEFAULT '{}'
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE source_health`);
    await queryRunner.query(`DROP TABLE source`);
  }
}
