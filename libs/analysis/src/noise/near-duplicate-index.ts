import { mentionKey } from '@watchfloor/domain';
import type { Mention } from '@watchfloor/domain';
import { fingerprintText, popCount32 } from './simhash';
import type { TextFingerprint } from './simhash';

/**
 * Groups near-duplicate posts (copy-paste campaigns, bot floods) as they arrive.
 *
 * Lookup is banding, not a scan: the 64 bits are cut into 4 bands of 16 bits, and each band value
 * is a bucket (a flat array of 65,536 chain heads per band). Two fingerprints within 3 bits share
 * at least one band exactly (4 bands, at most 3 touched), so every pair within GUARANTEED_DISTANCE
 * is found. Candidates from the buckets are accepted up to DEFAULT_MAX_DISTANCE = 5: pairs at 4 or
 * 5 bits are found when one band escaped the edit (77 % and 64 % of the time).
 *
 * Why 5, measured (simhash.spec, and 200,000 generated mentions with 8 % copy-paste campaigns whose
 * copies swap handles, add hashtags, links, emoji and, 15 % of them, a typo): a changed handle or
 * link costs 0 bits, an added hashtag, emoji or other number 0–3, a typo or an added word ~7–9
 * (median), and unrelated posts on the same topic ≥ 13 (min over 1,000+ pairs). In the stream,
 * campaign copies marked as echoes / posts of random same-topic words wrongly grouped, by k:
 * 3: 96.5 % / 0 in 77,850; 4: 97.6 % / 2; 5: 98.4 % / 4; 6: 98.9 % / 22; 7: 99.3 % / 58.
 * Larger k would need more bands to find its pairs (k = 7 → 8 bands of 8 bits, N/256 entries in a
 * bucket: a scan in all but name), and the false groups grow faster than the recall.
 *
 * Memory is bounded: a ring of `capacity` entries (a 64-byte record each, plus one small group
 * object per group) and 4 × 65,536 chain heads. Measured full at the default 131,072 entries:
 * 10.5 MB of typed arrays and 12 MB of groups and their ids.
 * Entries older than `windowMs` on the index's clock are ignored and the oldest slot is overwritten;
 * chains are never unlinked, a walk stops at the first overwritten entry (chains run newest first).
 */

export interface NearDuplicateIndexOptions {
  /** Entries kept at most, rounded up to a power of two. Default 131,072: 13 s at 10,000 mentions/s, 4 min at 500/s. */
  capacity?: number;
  /** Entries older than this are ignored. Default 15 minutes. */
  windowMs?: number;
  /** Largest Hamming distance accepted between a mention and a candidate. Default 5. */
  maxDistance?: number;
}

export interface DuplicateMatch {
  /** mentionKey of the group's first member: the same on every worker and after a restart. */
  groupId: string;
  /** True when this mention started the group (nothing near it in the window). */
  isFirst: boolean;
  /** Members so far, this one included (members evicted from the window still count). */
  groupSize: number;
}

/** Every pair at this distance or less shares a band (4 bands, pigeonhole). */
export const GUARANTEED_DISTANCE = 3;
export const DEFAULT_MAX_DISTANCE = 5;
const DEFAULT_CAPACITY = 131_072;
const DEFAULT_WINDOW_MS = 15 * 60_000;

const BANDS = 4;
const BUCKETS = 1 << 16;
/**
 * Entries examined per band at most. Chains hold 3–5 live entries on average in the generated
 * stream (same-topic posts share bits, so more than the 2 of uniform bits); a flood fills its
 * buckets with copies, newest first, so a copy is met at once: the cap only bounds the walk.
 */
const MAX_PROBES_PER_BAND = 16;
const KIND_SIMHASH = 1;
const KIND_EXACT = 2;
const RECORD_SIZE = 8;
const RECORD_HI = 0;
const RECORD_LO = 1;
const RECORD_TIME = 2;
const RECORD_KIND = 3;
const RECORD_NEXT = 4; // 4 bands: offsets 4–7

class DuplicateGroup {
  constructor(
    readonly id: string,
    public size: number,
  ) {}
}

export class NearDuplicateIndex {
  private readonly capacity: number;
  private readonly slotMask: number;
  private readonly windowMs: number;
  private readonly maxDistance: number;
  /**
   * One 64-byte record per slot (RECORD_* offsets), so a probe reads one cache line. Links are
   * sequence numbers: an entry is live while its sequence is within the last `capacity`, and its
   * slot is the sequence's low bits.
   */
  private readonly records: Float64Array;
  private readonly groups: (DuplicateGroup | undefined)[];
  /** Per band: the sequence number of the newest entry in each bucket, -1 for none. */
  private readonly heads: Float64Array;
  /** Sequence number the next entry gets. */
  private sequence = 0;
  /** The latest time seen: the window ends here. */
  private clock = -Infinity;
  // The best candidate of the last lookup (avoids allocating a result per lookup).
  private foundSlot = -1;
  private foundDistance = 0;

  constructor(options: NearDuplicateIndexOptions = {}) {
    // A power of two, so a slot is the low bits of a sequence number (no division on the hot path).
    this.capacity = 2 ** Math.ceil(Math.log2(Math.max(2, options.capacity ?? DEFAULT_CAPACITY)));
    this.slotMask = this.capacity - 1;
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.maxDistance = options.maxDistance ?? DEFAULT_MAX_DISTANCE;
    this.records = new Float64Array(this.capacity * RECORD_SIZE);
    this.groups = new Array<DuplicateGroup | undefined>(this.capacity).fill(undefined);
    this.heads = new Float64Array(BANDS * BUCKETS).fill(-1);
  }

  /** Entries currently held (some may be older than the window). */
  get size(): number {
    return Math.min(this.sequence, this.capacity);
  }

  /**
   * Records a mention and says which group it belongs to. `atMs` is the index's clock (the time
   * the pipeline received the batch); it defaults to the post's createdAt.
   * A mention added again (a retried batch) finds itself: its group is not counted twice when it
   * was the leader, and stays the same group otherwise.
   */
  add(mention: Mention, atMs?: number, fingerprint: TextFingerprint = fingerprintText(mention.text)): DuplicateMatch {
    const key = mentionKey(mention);
    const time = this.advanceClock(atMs ?? Date.parse(mention.createdAt));
    if (fingerprint.kind === 'none') return { groupId: key, isFirst: true, groupSize: 1 };
    const kind = fingerprint.kind === 'simhash' ? KIND_SIMHASH : KIND_EXACT;
    this.lookup(kind, fingerprint.hi, fingerprint.lo);
    const matchedGroup = this.foundSlot >= 0 ? this.groups[this.foundSlot] : undefined;
    if (matchedGroup !== undefined && matchedGroup.id === key) {
      return { groupId: key, isFirst: true, groupSize: matchedGroup.size };
    }
    if (matchedGroup === undefined) {
      const group = new DuplicateGroup(key, 1);
      this.insert(kind, fingerprint.hi, fingerprint.lo, time, group);
      return { groupId: key, isFirst: true, groupSize: 1 };
    }
    matchedGroup.size++;
    // An exact copy of a recent entry adds nothing to find later; skipping it keeps a flood from
    // pushing everything else out of the window. Older copies are re-added so the group stays alive.
    if (this.foundDistance > 0 || !this.isInNewerHalf(this.foundSlot)) {
      this.insert(kind, fingerprint.hi, fingerprint.lo, time, matchedGroup);
    }
    return { groupId: matchedGroup.id, isFirst: false, groupSize: matchedGroup.size };
  }

  /** The group a text would join, without recording anything (reposts: "RT @user: ..." without an id). */
  find(fingerprint: TextFingerprint): Omit<DuplicateMatch, 'isFirst'> | undefined {
    if (fingerprint.kind === 'none') return undefined;
    this.lookup(fingerprint.kind === 'simhash' ? KIND_SIMHASH : KIND_EXACT, fingerprint.hi, fingerprint.lo);
    const group = this.foundSlot >= 0 ? this.groups[this.foundSlot] : undefined;
    return group === undefined ? undefined : { groupId: group.id, groupSize: group.size };
  }

  private advanceClock(time: number): number {
    if (Number.isNaN(time)) return this.clock;
    if (time > this.clock) this.clock = time;
    return time;
  }

  /** Sets foundSlot/foundDistance to the nearest live candidate within range (the first found on ties), or -1. */
  private lookup(kind: number, hi: number, lo: number): void {
    this.foundSlot = -1;
    this.foundDistance = 0;
    const records = this.records;
    // Exact fingerprints match only in full, so one band finds them; they are filed in band 0 only.
    const bands = kind === KIND_EXACT ? 1 : BANDS;
    let limit = kind === KIND_EXACT ? 0 : this.maxDistance;
    const oldestSequence = this.sequence - this.capacity;
    const oldestTime = this.clock - this.windowMs;
    for (let band = 0; band < bands; band++) {
      let sequence = this.heads[band * BUCKETS + bandValue(band, hi, lo)]!;
      for (let probes = 0; sequence >= 0 && sequence >= oldestSequence && probes < MAX_PROBES_PER_BAND; probes++) {
        // `>>> 0` takes a sequence number modulo 2^32 exactly, whatever its size.
        const slot = (sequence >>> 0) & this.slotMask;
        const record = slot * RECORD_SIZE;
        if (records[record + RECORD_KIND] === kind && records[record + RECORD_TIME]! >= oldestTime) {
          const distance =
            popCount32(records[record + RECORD_HI]! ^ hi) + popCount32(records[record + RECORD_LO]! ^ lo);
          if (distance <= limit && (this.foundSlot < 0 || distance < this.foundDistance)) {
            this.foundSlot = slot;
            this.foundDistance = distance;
            if (distance === 0) return;
            limit = distance - 1; // only a nearer one can replace it
          }
        }
        sequence = records[record + RECORD_NEXT + band]!;
      }
    }
  }

  private insert(kind: number, hi: number, lo: number, time: number, group: DuplicateGroup): void {
    const sequence = this.sequence++;
    const slot = (sequence >>> 0) & this.slotMask;
    const record = slot * RECORD_SIZE;
    const records = this.records;
    records[record + RECORD_HI] = hi;
    records[record + RECORD_LO] = lo;
    records[record + RECORD_KIND] = kind;
    records[record + RECORD_TIME] = time;
    this.groups[slot] = group;
    const bands = kind === KIND_EXACT ? 1 : BANDS;
    for (let band = 0; band < bands; band++) {
      const head = band * BUCKETS + bandValue(band, hi, lo);
      records[record + RECORD_NEXT + band] = this.heads[head]!;
      this.heads[head] = sequence;
    }
  }

  private isInNewerHalf(slot: number): boolean {
    const age = (this.sequence - 1 - slot) & this.slotMask;
    return age < this.capacity / 2 && this.records[slot * RECORD_SIZE + RECORD_TIME]! >= this.clock - this.windowMs / 2;
  }
}

function bandValue(band: number, hi: number, lo: number): number {
  switch (band) {
    case 0:
      return hi >>> 16;
    case 1:
      return hi & 0xffff;
    case 2:
      return lo >>> 16;
    default:
      return lo & 0xffff;
  }
}
