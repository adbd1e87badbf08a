import { createHash } from 'node:crypto';
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
  { ok: true; entries: number; lastHash: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks entries in sequence order and checks every link: an edited, removed, inserted or
 * reordered entry breaks the chain at the first entry it touches. Feed it page by page through
 * `AuditChainVerifier` for logs of any length.
 */
export class AuditChainVerifier {
  private expectedPrevHash = GENESIS_HASH;
  private expectedSeq: number | undefined;
  private count = 0;
  private broken: { brokenAt: number; reason: string } | undefined;

  add(entry: AuditEntry): void {
    if (this.broken !== undefined) return;
    this.count++;
    if (this.expectedSeq !== undefined && entry.seq !== this.expectedSeq) {
      this.broken = { brokenAt: entry.seq, reason: `entry ${this.expectedSeq} is missing` };
    } else if (entry.prevHash !== this.expectedPrevHash) {
      this.broken = { brokenAt: entry.seq, reason: 'does not link to the entry before it' };
    } else if (hashAuditEntry(entry.seq, entry.prevHash, recordOf(entry)) !== entry.hash) {
      this.broken = { brokenAt: entry.seq, reason: 'its content does not match its hash' };
    }
    this.expectedPrevHash = entry.hash;
    this.expectedSeq = entry.seq + 1;
  }

  verdict(): ChainVerdict {
    return this.broken === undefined
      ? { ok: true, entries: this.count, lastHash: this.expectedPrevHash }
      : { ok: false, entries: this.count, ...this.broken };
  }
}
