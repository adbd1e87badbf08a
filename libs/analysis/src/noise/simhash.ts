import {
  TOKEN_NUMBER,
  TOKEN_WORD,
  fmix32,
  isStopWord,
  nextTokenStart,
  readToken,
  sequenceStep,
  skipRetweetPrefixes,
  token,
} from './simhash-tokens';

/**
 * Text fingerprints for near-duplicate detection: a 64-bit SimHash of a post's tokens (read as
 * simhash-tokens.ts says: lower case; URLs, @handles and X's "RT @user:" prefix skipped).
 *
 * Two unsigned 32-bit halves, not a BigInt: measured on Node 20, a Hamming distance costs 8 ns on
 * halves and 72–128 ns on BigInts, and building a fingerprint from its 64 bits 46 ns against 790 ns.
 *
 * Votes: each distinct token votes once (a repeated "the" must not outvote the rest of the post),
 * with a weight that says how much it carries the message:
 * - content words 16–31: 16 plus 0–15 taken from the word's own hash. Without that jitter, bits
 *   where the words split evenly are ties, and any hashtag then decides all of them (one added tag
 *   flipped ~6 bits; with it, 0–2);
 * - function words ("the", "my", "de", ...) 4: unrelated posts share them;
 * - hashtag words, numbers and emoji 1: an added "#travel", another flight number or a trailing 😡
 *   moves the fingerprint by 0–3 bits, while a typo or an added word moves it by ~7–9 (see the spec).
 *
 * Short texts get an exact fingerprint instead: fewer than MIN_SIMHASH_WORDS distinct content words
 * (a hash of their word and number sequence, or of all tokens if there are none). A SimHash bit is
 * a weighted vote of the words; measured on random texts of same-topic words, 3.7 % of unrelated
 * pairs with 2 content words land within DEFAULT_MAX_DISTANCE (5) bits, about 1 in 10,000 with 3–4,
 * none of 79,800 from 5 on; and replacing one of 4 words (another message) stayed within 5 bits 9 %
 * of the time. So a short post groups only with the same words, after normalization.
 */

export type FingerprintKind = 'simhash' | 'exact' | 'none';

export interface TextFingerprint {
  /** 'none': nothing to compare (empty, or only links and handles); such texts are never grouped. */
  readonly kind: FingerprintKind;
  /** High and low 32 bits, unsigned. */
  readonly hi: number;
  readonly lo: number;
  /** Distinct content words (function words, hashtags, numbers and emoji not counted). */
  readonly words: number;
}

export const MIN_SIMHASH_WORDS = 5;

const CONTENT_WORD_WEIGHT = 16;
const STOP_WORD_WEIGHT = 4;
const MINOR_WEIGHT = 1;
/** Only the start of a long post is read: a campaign copies all of it, and 40,000 characters must not cost 100 µs. */
const MAX_CHARACTERS_READ = 2_000;

/** Number of set bits of a 32-bit integer (SWAR; V8 has no popcount intrinsic). */
export function popCount32(value: number): number {
  value -= (value >>> 1) & 0x55555555;
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  value = (value + (value >>> 4)) & 0x0f0f0f0f;
  value += value >>> 8;
  return (value + (value >>> 16)) & 0x3f;
}

/** Bits that differ between two fingerprints (0–64). Meaningless between fingerprints of different kinds. */
export function hammingDistance(a: Pick<TextFingerprint, 'hi' | 'lo'>, b: Pick<TextFingerprint, 'hi' | 'lo'>): number {
  return popCount32(a.hi ^ b.hi) + popCount32(a.lo ^ b.lo);
}

// Scratch state for this single-threaded hot path, reused across calls.
//
// Votes are packed two bits to an int32, in lanes of 16 bits: half the adds of one counter per
// bit, and unpacking is a mask and a shift (three bits to a double in 17-bit lanes did fewer adds
// but its unpacking cost more). A lane never exceeds the total weight, at most 2,000 tokens (one
// per character of MAX_CHARACTERS_READ, CJK) × 31 = 62,000 < 2^16, so lanes never spill; the high
// lane may reach the sign bit, which `>>> 16` reads unsigned. votes[0..15] hold the high half, votes[16..31] the low half.
const CHUNKS_PER_HALF = 16;
const votes = new Int32Array(2 * CHUNKS_PER_HALF);
const SPREAD = new Int32Array([0, 1, 0x10000, 0x10001]);

// The tokens of the current text: an open-addressing set, stamped per text so it is never cleared.
const SEEN_SLOTS = 4096; // ≥ 2 × the 2,000 tokens MAX_CHARACTERS_READ can hold: short probe runs
const seenHashes = new Int32Array(SEEN_SLOTS);
const seenStamps = new Int32Array(SEEN_SLOTS);
let stamp = 0;

/** Adds a token hash to the current text's set; false if it was already there. */
function firstSighting(hash: number): boolean {
  let slot = hash & (SEEN_SLOTS - 1);
  for (let probe = 0; probe < SEEN_SLOTS; probe++) {
    if (seenStamps[slot] !== stamp) {
      seenStamps[slot] = stamp;
      seenHashes[slot] = hash;
      return true;
    }
    if (seenHashes[slot] === hash) return false;
    slot = (slot + 1) & (SEEN_SLOTS - 1);
  }
  return true;
}

export function fingerprintText(text: string): TextFingerprint {
  votes.fill(0);
  stamp = (stamp + 1) | 0;
  if (stamp === 0) {
    // Wrapped after 2^32 texts: stale stamps could read as current.
    seenStamps.fill(0);
    stamp = 1;
  }
  let totalWeight = 0;
  let words = 0;
  let tokens = 0;
  // Order-sensitive hashes of the token sequence, for the exact fingerprint of short texts: two
  // differently mixed 32-bit states, or two short texts would share a fingerprint 1 time in 2^32.
  let wordsHi = 0x2f0b3c6d;
  let wordsLo = 0x61c88647;
  let wordOrNumberTokens = 0;
  let allHi = 0x2f0b3c6d;
  let allLo = 0x61c88647;

  const length = text.length < MAX_CHARACTERS_READ ? text.length : MAX_CHARACTERS_READ;
  let index = skipRetweetPrefixes(text, length);
  for (;;) {
    index = nextTokenStart(text, index, length);
    if (index >= length) break;
    index = readToken(text, index, length);
    const { hash, kind } = token;
    tokens++;
    allHi = sequenceStep(allHi, hash, 5);
    allLo = sequenceStep(allLo, hash, 11);
    if (kind === TOKEN_WORD || kind === TOKEN_NUMBER) {
      wordOrNumberTokens++;
      wordsHi = sequenceStep(wordsHi, hash, 5);
      wordsLo = sequenceStep(wordsLo, hash, 11);
    }
    if (!firstSighting(hash)) continue;
    // Two halves from one 32-bit token hash: two tokens collide in both only when their FNV hashes
    // collide (1 in 2^32), and one hash per character is half the work of two.
    const hi = fmix32(hash, 0);
    const lo = fmix32(hash, 0x27d4eb2f);
    let weight = MINOR_WEIGHT;
    if (kind === TOKEN_WORD) {
      if (isStopWord(hash)) {
        weight = STOP_WORD_WEIGHT;
      } else {
        weight = CONTENT_WORD_WEIGHT + ((hi ^ lo) >>> 28);
        words++;
      }
    }
    totalWeight += weight;
    for (let chunk = 0; chunk < CHUNKS_PER_HALF; chunk++) {
      votes[chunk]! += SPREAD[(hi >>> (2 * chunk)) & 3]! * weight;
      votes[CHUNKS_PER_HALF + chunk]! += SPREAD[(lo >>> (2 * chunk)) & 3]! * weight;
    }
  }

  if (words >= MIN_SIMHASH_WORDS) {
    return { kind: 'simhash', hi: majorityBits(0, totalWeight), lo: majorityBits(CHUNKS_PER_HALF, totalWeight), words };
  }
  if (tokens === 0) return { kind: 'none', hi: 0, lo: 0, words };
  // A short text: its words and numbers in order; only if it has none, its hashtags and emoji.
  return wordOrNumberTokens > 0
    ? { kind: 'exact', hi: fmix32(wordsHi, 0), lo: fmix32(wordsLo, 0x27d4eb2f), words }
    : { kind: 'exact', hi: fmix32(allHi, 0), lo: fmix32(allLo, 0x27d4eb2f), words };
}

/** Unpacks one half's votes: a bit is set where it got a strict majority of the weight (a tie reads 0). */
function majorityBits(firstChunk: number, totalWeight: number): number {
  let bits = 0;
  for (let chunk = 0; chunk < CHUNKS_PER_HALF; chunk++) {
    const packed = votes[firstChunk + chunk]!;
    if ((packed & 0xffff) * 2 > totalWeight) bits |= 1 << (2 * chunk);
    if ((packed >>> 16) * 2 > totalWeight) bits |= 1 << (2 * chunk + 1);
  }
  return bits >>> 0;
}
