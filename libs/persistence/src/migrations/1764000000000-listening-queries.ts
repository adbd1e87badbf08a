import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListeningQueries1764000000000 implements MigrationInterface {
  name = 'ListeningQueries1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE listening_query (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        current_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT listening_query_name_key UNIQUE (name),
        CONSTRAINT listening_query_kind_check CHECK (kind IN ('brand', 'competitor'))
      )`);
    await queryRunner.query(`
      CREATE TABLE listening_query_version (
        query_id uuid NOT NULL REFERENCES listening_query (id) ON DELETE CASCADE,
        version integer NOT NULL,
        text text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (query_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE listening_query_version`);
    await queryRunner.query(`DROP TABLE listening_query`);
  }
}
