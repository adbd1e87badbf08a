import type { DataSource, EntityManager } from 'typeorm';
import { AuditChainVerifier, GENESIS_HASH, hashAuditEntry } from '@watchfloor/access';
import type { Actor, AuditEntry, AuditRecord, ChainVerdict } from '@watchfloor/access';
import type { Queryable } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';

/** One lock for the whole log: entries are appended one at a time, each linking to the last. */
const AUDIT_LOCK = 7_310_001;

interface AuditRow {
  seq: string;
  at: Date;
  actor: Actor;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export type AuditNote = Omit<AuditRecord, 'at'>;
export type Audit = (note: AuditNote) => Promise<void>;

export interface AuditQuery {
  from?: Date;
  to?: Date;
  limit: number;
}

/**
 * The append-only audit log. A change and its audit entry commit together or not at all:
 * changes that must be on record run inside `audited`.
 */
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction whose `audit` calls append entries in that same transaction. */
  audited<T>(work: (db: Queryable, audit: Audit) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager: EntityManager) =>
      work(manager, async (note) => {
        await this.append(manager, note);
      }),
    );
  }

  private async append(db: Queryable, note: AuditNote): Promise<AuditEntry> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const [last] = await db.query<{ seq: string; hash: string }[]>(
      'SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1',
    );
    const seq = last === undefined ? 1 : Number(last.seq) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    // Stored as JSON and read back: what the hash covers must be what comes back.
    const record = JSON.parse(JSON.stringify({ ...note, at: new Date().toISOString() })) as AuditRecord;
    record.before ??= null;
    record.after ??= null;
    const hash = hashAuditEntry(seq, prevHash, record);
    await db.query(
      `INSERT INTO audit_entry (seq, at, actor, action, target_type, target_id, before, after, prev_hash, hash)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
      [
        seq,
        record.at,
        toJsonbParameter(record.actor),
        record.action,
        record.target.type,
        record.target.id,
        toJsonbParameter(record.before),
        toJsonbParameter(record.after),
        prevHash,
        hash,
      ],
    );
    return { ...record, seq, prevHash, hash };
  }

  /** Entries in order, after `afterSeq`: for verifying the chain a page at a time. */
  async page(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query<AuditRow[]>(
      'SELECT * FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT $2',
      [afterSeq, limit],
    );
    return rows.map(fromRow);
  }

  /** Checks every link of the chain, a page at a time, so a log of any length fits in memory. */
  async verifyChain(pageSize = 5_000): Promise<ChainVerdict> {
    const verifier = new AuditChainVerifier();
    for (let afterSeq = 0; ;) {
      const entries = await this.page(afterSeq, pageSize);
      for (const entry of entries) verifier.add(entry);
      if (entries.length < pageSize) return verifier.verdict();
      afterSeq = entries[entries.length - 1]!.seq;
    }
  }

  /** Entries in order within a time range, for export. */
  async find(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT * FROM audit_entry
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)
       ORDER BY seq LIMIT $3`,
      [query.from?.toISOString() ?? null, query.to?.toISOString() ?? null, query.limit],
    );
    return rows.map(fromRow);
  }
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
