import { createHash } from 'node:crypto';
import { checkpointSigningText, entrySigningText } from './audit-signer';
import type { AuditSigner } from './audit-signer';
import type { Actor } from './principal';

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What happened, by whom, to what: the part of an audit entry its hash covers. */
export interface AuditRecord {
  /** ISO 8601 with milliseconds. */
  at: string;
  actor: Actor;
  /** A dotted verb, e.g. `user.created`, `kiosk.revoked`. */
  action: string;
  target: { type: string; id: string | null };
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
  /**
   * HMAC of the entry under AUDIT_SIGNING_KEY (see AuditSigner); null on entries written before
   * signing existed, or without a key.
   */
  signature?: string | null;
}

/**
 * How long the chain was and what its head was, signed, recorded with every change: deleting the
 * newest entries leaves a checkpoint naming more entries than remain.
 */
export interface AuditCheckpoint {
  seq: number;
  headHash: string;
  /** ISO 8601 with milliseconds. */
  at: string;
  signature: string | null;
}

/**
 * JSON with object keys sorted at every depth: the same record always serializes to the same
 * text, whatever order its keys were built or stored in (PostgreSQL's jsonb reorders them).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** Each entry's hash covers its sequence number, its record and the hash before it. */
export function hashAuditEntry(seq: number, prevHash: string, record: AuditRecord): string {
  return createHash('sha256')
    .update(`${seq}\n${prevHash}\n${canonicalJson(record)}`)
    .digest('hex');
}

function recordOf({ at, actor, action, target, before, after }: AuditEntry): AuditRecord {
  return { at, actor, action, target, before, after };
}

export type ChainVerdict =
  | {
      ok: true;
      entries: number;
      lastHash: string;
      /** Whether the entries (from the first signed one on) carry valid signatures. */
      signed: boolean;
      /** The newest checkpoint, which the chain reaches and matches; null on a log from before checkpoints. */
      checkpoint: { seq: number; at: string } | null;
    }
  | { ok: false; entries: number; brokenAt: number; reason: string };

const MISSING_KEY =
  'is signed, but AUDIT_SIGNING_KEY is not set here: set it (the key the api and worker use) to verify the log';

/**
 * Walks entries in sequence order and checks every link: an edited, removed, inserted or
 * reordered entry breaks the chain at the first entry it touches. With a signer, it also checks
 * each entry's signature (once entries are signed, an unsigned one after them is a forgery), and
 * that the chain reaches and matches the newest checkpoint, so removing the newest entries shows.
 * Feed it page by page for logs of any length.
 */
export class AuditChainVerifier {
  private expectedPrevHash = GENESIS_HASH;
  private expectedSeq: number | undefined;
  private count = 0;
  private signedSeen = false;
  private checkpointReached = false;
  private broken: { brokenAt: number; reason: string } | undefined;

  constructor(
    private readonly signer: AuditSigner | null = null,
    private readonly checkpoint: AuditCheckpoint | null = null,
  ) {}

  add(entry: AuditEntry): void {
    if (this.broken !== undefined) return;
    this.count++;
    if (this.expectedSeq !== undefined && entry.seq !== this.expectedSeq) {
      this.broken = { brokenAt: entry.seq, reason: `entry ${this.expectedSeq} is missing` };
    } else if (entry.prevHash !== this.expectedPrevHash) {
      this.broken = { brokenAt: entry.seq, reason: 'does not link to the entry before it' };
    } else if (hashAuditEntry(entry.seq, entry.prevHash, recordOf(entry)) !== entry.hash) {
      this.broken = { brokenAt: entry.seq, reason: 'its content does not match its hash' };
    } else {
      const problem = this.signatureProblem(entry);
      if (problem !== null) this.broken = { brokenAt: entry.seq, reason: problem };
    }
    if (this.broken === undefined && this.checkpoint?.seq === entry.seq) {
      if (entry.hash !== this.checkpoint.headHash) {
        this.broken = { brokenAt: entry.seq, reason: `it does not match the checkpoint of ${this.checkpoint.at}` };
      }
      this.checkpointReached = true;
    }
    this.expectedPrevHash = entry.hash;
    this.expectedSeq = entry.seq + 1;
  }

  verdict(): ChainVerdict {
    if (this.broken === undefined) this.broken = this.checkpointProblem();
    return this.broken === undefined
      ? {
          ok: true,
          entries: this.count,
          lastHash: this.expectedPrevHash,
          signed: this.signedSeen,
          checkpoint: this.checkpoint === null ? null : { seq: this.checkpoint.seq, at: this.checkpoint.at },
        }
      : { ok: false, entries: this.count, ...this.broken };
  }

  private signatureProblem(entry: AuditEntry): string | null {
    const signature = entry.signature ?? null;
    if (signature === null) {
      return this.signedSeen
        ? 'it is not signed, though the entries before it are: it was forged, or written by a process without AUDIT_SIGNING_KEY'
        : null;
    }
    this.signedSeen = true;
    if (this.signer === null) return `it ${MISSING_KEY}`;
    return this.signer.check(entrySigningText(entry.seq, entry.hash), signature);
  }

  private checkpointProblem(): { brokenAt: number; reason: string } | undefined {
    const last = (this.expectedSeq ?? 1) - 1;
    const checkpoint = this.checkpoint;
    if (checkpoint === null) {
      return this.signedSeen
        ? { brokenAt: last, reason: 'the log is signed but has no checkpoint: its checkpoints were removed' }
        : undefined;
    }
    if (checkpoint.signature === null) {
      if (this.signedSeen) {
        return { brokenAt: checkpoint.seq, reason: 'the newest checkpoint is not signed, though the entries are' };
      }
    } else {
      const problem =
        this.signer === null
          ? `the newest checkpoint ${MISSING_KEY}`
          : this.signer.check(checkpointSigningText(checkpoint), checkpoint.signature);
      if (problem !== null) return { brokenAt: checkpoint.seq, reason: `the newest checkpoint: ${problem}` };
    }
    if (!this.checkpointReached) {
      return {
        brokenAt: last + 1,
        reason: `entries ${last + 1} to ${checkpoint.seq} are missing: the checkpoint of ${checkpoint.at} names ${checkpoint.seq} entries, the log holds ${last} (its newest entries were removed)`,
      };
    }
    return undefined;
  }
}
