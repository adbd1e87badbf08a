/**
 * How simhash.ts reads a post: one pass over the UTF-16 code units, no regex, no lower-cased copy,
 * no token strings. `skipRetweetPrefixes` passes X's "RT @user:" prefixes, `nextTokenStart` skips
 * what is not compared (separators, URLs, @handles), and `readToken` hashes one token as it reads
 * it, leaving the result in `token`.
 *
 * - Words are lower-cased (Latin-1, Greek and Cyrillic folded here; other scripts have no case or
 *   are rare in our feeds). Apostrophes are dropped ("don't" = "dont"), and runs of 3+ equal
 *   characters shrink to two ("sooo" = "soooo"): copy-paste variants and humans differ exactly there.
 * - URLs are skipped (every copy gets its own t.co or tracking link), and so are @handles
 *   (campaigns swap the addressee; Mastodon adds "@user@instance").
 * - "#tag" is the word "tag" marked as a hashtag; a token with a digit is a number; an emoji or
 *   pictograph is a symbol; each CJK ideograph or kana is a word (those scripts use no spaces).
 */

export const TOKEN_WORD = 0;
export const TOKEN_NUMBER = 1; // any token with a digit: flight numbers, prices, times
export const TOKEN_HASHTAG = 2;
export const TOKEN_SYMBOL = 3; // emoji, pictographs

/** The token `readToken` just read: its 32-bit FNV-1a hash and TOKEN_* kind (scratch, not allocated). */
export const token = { hash: 0, kind: TOKEN_WORD };

const SEPARATOR = 0;
const LETTER = 1;
const DIGIT = 2;
const JOINER = 3; // apostrophes: dropped inside a word without ending it
const IDEOGRAPH = 4;
const SYMBOL = 5;

const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const isLetter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  ASCII_CLASS[code] = isLetter ? LETTER : code >= 48 && code <= 57 ? DIGIT : code === 39 ? JOINER : SEPARATOR;
}

function classify(code: number): number {
  if (code < 128) return ASCII_CLASS[code]!;
  if (code < 0xc0) return SEPARATOR; // Latin-1 punctuation, no-break space, ©, «, ·
  if (code === 0xd7 || code === 0xf7) return SEPARATOR; // × ÷
  if (code === 0x2019) return JOINER; // ’
  if (code >= 0x2000 && code <= 0x206f) return SEPARATOR; // general punctuation, zero-width joiner
  if (code >= 0x20d0 && code <= 0x20ff) return SEPARATOR; // combining marks for symbols (keycap)
  if (code >= 0x2190 && code <= 0x2bff) return SYMBOL; // arrows, dingbats (✈ ❤ ☀), geometric shapes
  if (code >= 0x3000 && code <= 0x303f) return SEPARATOR; // CJK punctuation, ideographic space
  if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) {
    return IDEOGRAPH;
  }
  if (code >= 0xd800 && code <= 0xdfff) return SYMBOL; // surrogates: emoji (pairs are read together)
  if (code >= 0xfe00 && code <= 0xfe0f) return SEPARATOR; // variation selectors
  if (code >= 0xff00 && code <= 0xffef) return SEPARATOR; // full-width punctuation
  return LETTER; // Latin extended, Greek, Cyrillic, Arabic, Hebrew, Indic, Hangul, combining accents
}

function fold(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  if (code >= 0xc0 && code <= 0xde) return code + 32; // À–Þ (× never reaches here)
  if (code >= 0x391 && code <= 0x3a9) return code + 32; // Greek
  if (code >= 0x410 && code <= 0x42f) return code + 32; // Cyrillic А–Я
  if (code >= 0x400 && code <= 0x40f) return code + 80; // Cyrillic Ѐ–Џ
  return code;
}

function isWordClass(charClass: number): boolean {
  return charClass === LETTER || charClass === DIGIT;
}

// What a code unit adds inside a word: its lower-case form, APOSTROPHE (skipped, the word goes on)
// or NOT_IN_WORD (the word ends). ASCII, most of most posts, by one table lookup.
const NOT_IN_WORD = 0;
const APOSTROPHE = 1;
const ASCII_WORD_CODE = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const charClass = ASCII_CLASS[code]!;
  ASCII_WORD_CODE[code] = charClass === JOINER ? APOSTROPHE : isWordClass(charClass) ? fold(code) : NOT_IN_WORD;
}

function wordCode(code: number): number {
  if (code < 128) return ASCII_WORD_CODE[code]!;
  const charClass = classify(code);
  if (charClass === JOINER) return APOSTROPHE;
  return isWordClass(charClass) ? fold(code) : NOT_IN_WORD;
}

function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
}

/** "http://", "https://" or "www." at `index`, in any case; compared code by code, no slice. */
function startsUrl(text: string, index: number): boolean {
  return (
    startsWithLower(text, index, 'http://') ||
    startsWithLower(text, index, 'https://') ||
    startsWithLower(text, index, 'www.')
  );
}

function startsWithLower(text: string, index: number, prefix: string): boolean {
  if (index + prefix.length > text.length) return false;
  for (let offset = 0; offset < prefix.length; offset++) {
    if (fold(text.charCodeAt(index + offset)) !== prefix.charCodeAt(offset)) return false;
  }
  return true;
}

/**
 * Past X's retweet prefixes ("RT @user: ", also chained: "RT @a: RT @b: ..."), so a text-only
 * retweet reads as the post it repeats.
 */
export function skipRetweetPrefixes(text: string, length: number): number {
  let index = 0;
  while (text.startsWith('RT @', index)) {
    let end = index + 4;
    while (end < length && isWordClass(classify(text.charCodeAt(end)))) end++;
    if (end >= length || text.charCodeAt(end) !== 58 /* : */) break;
    index = end + 1;
    while (index < length && isWhitespace(text.charCodeAt(index))) index++;
  }
  return index;
}

/** Where the next token starts at or after `index` (or `length`): skips separators, URLs, handles. */
export function nextTokenStart(text: string, index: number, length: number): number {
  while (index < length) {
    const code = text.charCodeAt(index);
    const charClass = classify(code);
    if (charClass === LETTER || charClass === DIGIT || charClass === IDEOGRAPH) {
      if (((code | 32) !== 104 && (code | 32) !== 119) || !startsUrl(text, index)) return index;
      while (index < length && !isWhitespace(text.charCodeAt(index))) index++;
    } else if (charClass === SYMBOL) {
      // Skin-tone modifiers (U+1F3FB–1F3FF, high surrogate D83C) follow the emoji they tint: dropped.
      const low = index + 1 < length ? text.charCodeAt(index + 1) : 0;
      if (code !== 0xd83c || low < 0xdffb || low > 0xdfff) return index;
      index += 2;
    } else if (code === 35 /* # */ && isWordStart(text, index + 1, length)) {
      return index;
    } else if (code === 64 /* @ */ && isWordStart(text, index + 1, length)) {
      // "@user", "@user@instance.social", "@name.bsky.social"
      index++;
      while (index < length) {
        const inHandle = text.charCodeAt(index);
        if (!isWordClass(classify(inHandle)) && inHandle !== 46 && inHandle !== 64 && inHandle !== 45) break;
        index++;
      }
    } else {
      index++;
    }
  }
  return length;
}

function isWordStart(text: string, index: number, length: number): boolean {
  return index < length && isWordClass(classify(text.charCodeAt(index)));
}

/** Reads the token at `index` (from nextTokenStart) into `token`; returns where it ends. */
export function readToken(text: string, index: number, length: number): number {
  let code = text.charCodeAt(index);
  const charClass = classify(code);
  let hash = 0x811c9dc5;
  token.kind = TOKEN_WORD;
  if (charClass === SYMBOL) {
    // One emoji (a surrogate pair) or pictograph.
    const point = code >= 0xd800 && code <= 0xdbff && index + 1 < length ? text.codePointAt(index)! : code;
    token.kind = TOKEN_SYMBOL;
    token.hash = fnvStep(hash, point);
    return index + (point > 0xffff ? 2 : 1);
  }
  if (charClass === IDEOGRAPH) {
    token.hash = fnvStep(hash, code);
    return index + 1;
  }
  if (code === 35 /* # */) {
    token.kind = TOKEN_HASHTAG;
    code = text.charCodeAt(++index);
  }
  let previous = -1;
  let run = 0;
  for (;;) {
    const folded = wordCode(code);
    if (folded === NOT_IN_WORD) break;
    if (folded !== APOSTROPHE) {
      if (folded <= 57 /* a digit */ && token.kind === TOKEN_WORD) token.kind = TOKEN_NUMBER;
      run = folded === previous ? run + 1 : 1;
      previous = folded;
      if (run <= 2) hash = fnvStep(hash, folded);
    }
    if (++index >= length) break;
    code = text.charCodeAt(index);
  }
  token.hash = hash;
  return index;
}

/** FNV-1a step: (hash ^ code) × 16777619, as shifts (16777619 = 2^24 + 2^8 + 2^7 + 2^4 + 2 + 1). */
function fnvStep(hash: number, code: number): number {
  hash ^= code;
  return (hash + (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24)) | 0;
}

/**
 * Low 32 bits of a × b. Not Math.imul: inside Node's vm contexts (Jest runs specs in one) Math
 * builtins are not inlined and cost ~100 ns a call (measured: 110 ms for 10^6 imul in Jest, 1.6 ms
 * in plain Node), so specs and benchmarks would measure Jest. Plain arithmetic is exact here
 * (each product < 2^49) and as fast in both.
 */
function multiply32(a: number, b: number): number {
  return ((((a >>> 16) * b) << 16) + (a & 0xffff) * b) | 0;
}

/** murmur3's finalizer (with a seed, to draw two halves from one token hash): every bit affects every bit. */
export function fmix32(hash: number, seed: number): number {
  hash ^= seed;
  hash ^= hash >>> 16;
  hash = multiply32(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = multiply32(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Order-sensitive fold of token hashes into a sequence hash (exact fingerprints); `rotation` picks the mix. */
export function sequenceStep(hash: number, tokenHash: number, rotation: number): number {
  // Add-with-carry after a rotation: not linear, and fmix32 mixes the final state.
  return (((hash << rotation) | (hash >>> (32 - rotation))) + tokenHash) | 0;
}

/**
 * Function words: in every post, so they weigh little, or unrelated posts sharing "the", "my", "to"
 * land close together. English plus the commonest of Spanish, Portuguese, French and German.
 */
const STOP_WORDS = (
  'a an the and or but if so of to in on at by for from with about as into over after before than then ' +
  'is are was were be been am do does did have has had will would can could should just not no very too ' +
  'i me my we our you your he him his she her it its they them their this that these those what who how ' +
  'there here all any some up out again now get got ' +
  'el la los las un una y o de del en que por con para es se lo al ' +
  'os as um uma e do da dos das em na com ' +
  'le les une et ou des du qui pour par sur avec est ce pas ' +
  'der die das ein eine und oder zu von mit auf ist nicht ich es im den dem'
).split(' ');

// By token hash in a fixed open-addressing table: a Set of uint32 keys (heap numbers in V8) was
// ~20 % of fingerprinting in the profile.
const STOP_WORD_SLOTS = 1024;
const stopWordTable = new Int32Array(STOP_WORD_SLOTS);
const stopWordUsed = new Uint8Array(STOP_WORD_SLOTS);
for (const word of STOP_WORDS) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = fnvStep(hash, word.charCodeAt(index));
  let slot = hash & (STOP_WORD_SLOTS - 1);
  while (stopWordUsed[slot] === 1 && stopWordTable[slot] !== hash) slot = (slot + 1) & (STOP_WORD_SLOTS - 1);
  stopWordTable[slot] = hash;
  stopWordUsed[slot] = 1;
}

/** Whether a token hash (from readToken) is a function word's. */
export function isStopWord(tokenHash: number): boolean {
  let slot = tokenHash & (STOP_WORD_SLOTS - 1);
  while (stopWordUsed[slot] === 1) {
    if (stopWordTable[slot] === tokenHash) return true;
    slot = (slot + 1) & (STOP_WORD_SLOTS - 1);
  }
  return false;
}
