import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DeadLetterEntity } from './entities/dead-letter.entity';
import { MentionVolumeMinuteEntity } from './entities/mention-volume-minute.entity';
import { MentionEntity } from './entities/mention.entity';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { AccessAndAudit1763990000000 } from './migrations/1763990000000-access-and-audit';
import { ListeningQueries1764000000000 } from './migrations/1764000000000-listening-queries';
import { SourceCursors1764010000000 } from './migrations/1764010000000-source-cursors';
import { SourceCursorEntity } from './entities/source-cursor.entity';
import { SourceEntity, SourceHealthEntity } from './entities/source.entities';
import { Sources1764020000000 } from './migrations/1764020000000-sources';
import { MentionQueries1764030000000 } from './migrations/1764030000000-mention-queries';
import { SentimentReadings1764040000000 } from './migrations/1764040000000-sentiment-readings';
import { Analysis1764050000000 } from './migrations/1764050000000-analysis';
import { Triage1764060000000 } from './migrations/1764060000000-triage';
import { Calendar1764075000000 } from './migrations/1764075000000-calendar';
import { IssueCases1764070000000 } from './migrations/1764070000000-issue-cases';
import { WallLayouts1764080000000 } from './migrations/1764080000000-wall-layouts';
import { DeadLetterReplay1764085000000 } from './migrations/1764085000000-dead-letter-replay';
import { SentimentAdaptations1765000000000 } from './migrations/1765000000000-sentiment-adaptations';
import { IssueRepresentative1765100000000 } from './migrations/1765100000000-issue-representative';
import { KioskExpiry1765500000000 } from './migrations/1765500000000-kiosk-expiry';
import { SignedAudit1765200000000 } from './migrations/1765200000000-signed-audit';
import { ListeningQueryEntity, ListeningQueryVersionEntity } from './entities/listening-query.entities';
import {
  AuditEntryEntity,
  KioskTokenEntity,
  SessionEntity,
  TeamEntity,
  TeamMemberEntity,
  UserEntity,
} from './entities/access.entities';

export const ENTITIES = [
  MentionEntity,
  MentionVolumeMinuteEntity,
  DeadLetterEntity,
  UserEntity,
  TeamEntity,
  TeamMemberEntity,
  SessionEntity,
  KioskTokenEntity,
  AuditEntryEntity,
  ListeningQueryEntity,
  ListeningQueryVersionEntity,
  SourceCursorEntity,
  SourceEntity,
  SourceHealthEntity,
];
export const MIGRATIONS = [
  InitialSchema1763900000000,
  AccessAndAudit1763990000000,
  ListeningQueries1764000000000,
  SourceCursors1764010000000,
  Sources1764020000000,
  MentionQueries1764030000000,
  SentimentReadings1764040000000,
  Analysis1764050000000,
  Triage1764060000000,
  IssueCases1764070000000,
  Calendar1764075000000,
  WallLayouts1764080000000,
  DeadLetterReplay1764085000000,
  SentimentAdaptations1765000000000,
  IssueRepresentative1765100000000,
  SignedAudit1765200000000,
  KioskExpiry1765500000000,
];

/** Anything that runs SQL: the DataSource, or the EntityManager of a transaction. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

export interface DataSourceOptions {
  url: string;
  /** Connections in the pool. */
  poolSize?: number;
  applicationName?: string;
}

/** The schema only ever changes through migrations: `synchronize` stays off. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName ?? 'watchfloor',
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 },
  });
}

/** Applies the pending migrations and names them; safe to run on every start. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/** Connects, applies pending migrations, disconnects: for commands that only migrate. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = await createDataSource({ url, poolSize: 1, applicationName: 'watchfloor-migrate' }).initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The rows of an `UPDATE`/`DELETE … RETURNING`. TypeORM answers those statements with
 * `[rows, affectedCount]` rather than the rows, unlike every other statement.
 */
export async function changedRows<T>(db: Queryable, sql: string, parameters: unknown[]): Promise<T[]> {
  const [rows] = await db.query<[T[], number]>(sql, parameters);
  return rows;
}
