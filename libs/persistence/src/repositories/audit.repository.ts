import type { DataSource, EntityManager } from 'typeorm';
import {
  AuditChainVerifier,
  GENESIS_HASH,
  checkpointSigningText,
  entrySigningText,
  hashAuditEntry,
} from '@watchfloor/access';
import type { Actor, AuditCheckpoint, AuditEntry, AuditRecord, AuditSigner, ChainVerdict } from '@watchfloor/access';
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
  signature: string | null;
}

interface CheckpointRow {
  seq: string;
  head_hash: string;
  at: Date;
  signature: string | null;
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
 * changes that must be on record run inside `audited`. With a signer (AUDIT_SIGNING_KEY), each
 * entry is signed, and each change records a signed checkpoint of the chain's head.
 */
export class AuditRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: AuditSigner | null = null,
  ) {}

  /** Runs `work` in a transaction whose `audit` calls append entries in that same transaction. */
  audited<T>(work: (db: Queryable, audit: Audit) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      let head: AuditEntry | undefined;
      const result = await work(manager, async (note) => {
        head = await this.append(manager, note);
      });
      if (head !== undefined) await this.recordCheckpoint(manager, head);
      return result;
    });
  }

  /** Still under the transaction's lock: no other entry can come between the head and this. */
  private async recordCheckpoint(db: Queryable, head: AuditEntry): Promise<void> {
    const checkpoint = { seq: head.seq, headHash: head.hash, at: new Date().toISOString() };
    await db.query(`INSERT INTO audit_checkpoint (seq, head_hash, at, signature) VALUES ($1, $2, $3, $4)`, [
      checkpoint.seq,
      checkpoint.headHash,
      checkpoint.at,
      this.signer?.sign(checkpointSigningText(checkpoint)) ?? null,
    ]);
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
    const signature = this.signer?.sign(entrySigningText(seq, hash)) ?? null;
    await db.query(
      `INSERT INTO audit_entry (seq, at, actor, action, target_type, target_id, before, after, prev_hash, hash, signature)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11)`,
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
        signature,
      ],
    );
    return { ...record, seq, prevHash, hash, signature };
  }

  /** Entries in order, after `afterSeq`: for verifying the chain a page at a time. */
  async page(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query<AuditRow[]>(
      'SELECT * FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT $2',
      [afterSeq, limit],
    );
    return rows.map(fromRow);
  }

  /**
   * Checks every link and signature of the chain, a page at a time so a log of any length fits in
   * memory, and that it reaches the newest checkpoint.
   */
  async verifyChain(pageSize = 5_000): Promise<ChainVerdict> {
    const verifier = new AuditChainVerifier(this.signer, await this.newestCheckpoint());
    for (let afterSeq = 0; ;) {
      const entries = await this.page(afterSeq, pageSize);
      for (const entry of entries) verifier.add(entry);
      if (entries.length < pageSize) return verifier.verdict();
      afterSeq = entries[entries.length - 1]!.seq;
    }
  }

  async newestCheckpoint(): Promise<AuditCheckpoint | null> {
    const [row] = await this.dataSource.query<CheckpointRow[]>(
      'SELECT * FROM audit_checkpoint ORDER BY seq DESC LIMIT 1',
    );
    return row === undefined
      ? null
      : { seq: Number(row.seq), headHash: row.head_hash, at: row.at.toISOString(), signature: row.signature };
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
    signature: row.signature,
  };
}
