import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessAndAudit1763990000000 implements MigrationInterface {
  name = 'AccessAndAudit1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL,
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_email_key UNIQUE (email),
        CONSTRAINT app_user_role_check CHECK (role IN ('admin', 'manager', 'agent', 'analyst', 'viewer'))
      )`);
    await queryRunner.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT team_name_key UNIQUE (name)
      )`);
    await queryRunner.query(`
      CREATE TABLE team_member (
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX team_member_user_idx ON team_member (user_id)`);
    await queryRunner.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CONSTRAINT user_session_token_hash_key UNIQUE (token_hash)
      )`);
    await queryRunner.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);
    await queryRunner.query(`
      CREATE TABLE kiosk_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        token_hash text NOT NULL,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT kiosk_token_token_hash_key UNIQUE (token_hash)
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor jsonb NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        before jsonb,
        after jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    // Append-only: the application can only add. Someone who can disable this trigger can
    // still edit rows, which is what the hash chain and `watchfloor audit verify` catch.
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_entry`);
    await queryRunner.query(`DROP FUNCTION audit_entry_is_append_only`);
    await queryRunner.query(`DROP TABLE kiosk_token`);
    await queryRunner.query(`DROP TABLE user_session`);
    await queryRunner.query(`DROP TABLE team_member`);
    await queryRunner.query(`DROP TABLE team`);
    await queryRunner.query(`DROP TABLE app_user`);
  }
}
