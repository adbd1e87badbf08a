/**
 * Finds many phrases in a text in one pass: a character trie of every phrase, walked from each
 * place a phrase may start. Matching is on whole words and phrases: "refund" is found in
 * "Refund!", "#refund" and "(refund)" but not in "refunds" or "prerefund"; a run of spaces, tabs
 * or line breaks matches one space ("data  breach" is "data breach"); typographic apostrophes
 * match straight ones. Phrases are literal text, so "c++" or "what?!" mean exactly that, and a
 * phrase that starts or ends with a symbol needs no word boundary on that side ("c++" is found in
 * "c++rocks"). Text must be lower-cased with `toLowerCase()` first, once, by the caller: the
 * engine scans each mention for its keywords and its cues and lower-cases it only once.
 *
 * Why a trie rather than one regular expression per rule: a mention is scanned once for the
 * keywords of every rule, so the cost grows with the text, not with the number of rules.
 */
export type PhraseVisitor = (phraseId: number, start: number) => void;

const SPACE = 32;
const APOSTROPHE = 39;

const enum CharKind {
  Unknown = 0,
  Word = 1,
  Space = 2,
  Other = 3,
}

/** Kind of every UTF-16 code unit, filled on first sight: the scan asks for each character. */
const kinds = new Uint8Array(65_536);
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const SPACE_CHAR = /\s/;

function kindOf(code: number): CharKind {
  const known = kinds[code]! as CharKind;
  if (known !== CharKind.Unknown) return known;
  // Lone surrogate halves (emoji, rare scripts) test as neither: they count as symbols.
  const char = String.fromCharCode(code);
  const kind = WORD_CHAR.test(char) ? CharKind.Word : SPACE_CHAR.test(char) ? CharKind.Space : CharKind.Other;
  kinds[code] = kind;
  return kind;
}

/** ’ and ‘ are typed by phones for "'": "don’t" must find "don't". */
function fold(code: number): number {
  return code === 0x2019 || code === 0x2018 ? APOSTROPHE : code;
}

/**
 * Children in two parallel arrays searched in order: past the first character most nodes have
 * one to three children, where a short loop beats hashing into a Map (measured on the cue table).
 */
class TrieNode {
  readonly codes: number[] = [];
  readonly children: TrieNode[] = [];
  /** The phrase that ends here, or -1. */
  phraseId = -1;
  /** The phrase ends with a letter or digit, so the text must not go on with one. */
  needsEndBoundary = false;

  child(code: number): TrieNode | undefined {
    const codes = this.codes;
    for (let index = 0; index < codes.length; index++) if (codes[index] === code) return this.children[index];
    return undefined;
  }

  childOrNew(code: number): TrieNode {
    let child = this.child(code);
    if (child === undefined) {
      child = new TrieNode();
      this.codes.push(code);
      this.children.push(child);
    }
    return child;
  }
}

/** First characters below this are looked up in a table: the trie's root has dozens of children. */
const TABLE_CODES = 128;

/** Lower-cased, trimmed, inner white space as single spaces: how phrases are compared. */
export function normalizePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'");
}

export class PhraseIndex {
  private readonly root = new TrieNode();
  /** The root's children for ASCII first characters, by code. */
  private readonly firstByCode: (TrieNode | undefined)[] = new Array<TrieNode | undefined>(TABLE_CODES).fill(undefined);
  private readonly phrases: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Adds a phrase (any case or spacing) and returns its id; the same phrase twice gets the same id. */
  add(phrase: string): number {
    const normalized = normalizePhrase(phrase);
    if (normalized.length === 0) throw new Error('a phrase may not be empty');
    const known = this.ids.get(normalized);
    if (known !== undefined) return known;
    let node = this.root;
    for (let index = 0; index < normalized.length; index++) node = node.childOrNew(normalized.charCodeAt(index));
    const first = normalized.charCodeAt(0);
    if (first < TABLE_CODES) this.firstByCode[first] = this.root.child(first);
    const id = this.phrases.length;
    node.phraseId = id;
    node.needsEndBoundary = kindOf(normalized.charCodeAt(normalized.length - 1)) === CharKind.Word;
    this.phrases.push(normalized);
    this.ids.set(normalized, id);
    return id;
  }

  get size(): number {
    return this.phrases.length;
  }

  /** The phrase as stored (normalized). */
  phrase(id: number): string {
    const phrase = this.phrases[id];
    if (phrase === undefined) throw new RangeError(`no phrase ${id} in this index`);
    return phrase;
  }

  /**
   * Calls `visit` for every occurrence of every phrase in `lowered`, in order of where it starts
   * (phrases that start at the same place: shorter first). The same phrase may be visited twice.
   */
  scan(lowered: string, visit: PhraseVisitor): void {
    const root = this.root;
    const firstByCode = this.firstByCode;
    const length = lowered.length;
    let previous = CharKind.Space;
    for (let start = 0; start < length; start++) {
      const code = fold(lowered.charCodeAt(start));
      const kind = kindOf(code);
      // A phrase starts after a space or a symbol, or at any symbol ("#refund" after "#").
      const canStart = kind === CharKind.Other || (kind === CharKind.Word && previous !== CharKind.Word);
      previous = kind;
      if (!canStart) continue;
      let node = code < TABLE_CODES ? firstByCode[code] : root.child(code);
      let next = start + 1;
      while (node !== undefined) {
        if (node.phraseId >= 0 && (!node.needsEndBoundary || next >= length || !isWordAt(lowered, next))) {
          visit(node.phraseId, start);
        }
        if (node.codes.length === 0 || next >= length) break;
        let code = fold(lowered.charCodeAt(next++));
        if (kindOf(code) === CharKind.Space) {
          code = SPACE;
          while (next < length && kindOf(lowered.charCodeAt(next)) === CharKind.Space) next++;
        }
        node = node.child(code);
      }
    }
  }
}

function isWordAt(text: string, index: number): boolean {
  return kindOf(text.charCodeAt(index)) === CharKind.Word;
}
