import { CUES } from '../rule-definition';
import type { Cue } from '../rule-definition';
import { expandPhrasePattern } from '../text/phrase-pattern';
import { PhraseIndex } from '../text/phrase-index';
import { CUE_PATTERNS, NEGATABLE_CUES, NEGATIONS } from './cue-phrases';

/** The cues in one text. */
export interface CueDetection {
  /** Cues found, in the order of `CUES`. */
  cues: readonly Cue[];
  /** Per cue found, its first phrase in the text, normalized ("lost my bag"): for reasons. */
  phrases: Partial<Record<Cue, string>>;
}

/** Bit `i` of a cue mask stands for `CUES[i]`: rules compare cues with one AND. */
export function cueBit(cue: Cue): number {
  return 1 << CUES.indexOf(cue);
}

export function cuesOfMask(mask: number): Cue[] {
  const cues: Cue[] = [];
  for (let index = 0; index < CUES.length; index++) if ((mask & (1 << index)) !== 0) cues.push(CUES[index]!);
  return cues;
}

/** How far back a negation may stand: "nobody was hurt" is negated, "no one knows how many were hurt" is not. */
const NEGATION_WINDOW_WORDS = 3;
const NEGATION_WINDOW_CHARS = 60;
const CLAUSE_BREAK = /[.,;:!?()\n]/g;
const WORDS = /[\p{L}\p{N}'’]+/gu;

/**
 * Finds the CUES in a text in one pass over it, all cues at once (one phrase index of every
 * phrasing in `CUE_PATTERNS`). Case-insensitive, on whole words. An injury or safety phrase with a
 * negation among the three words before it, in the same clause, does not count: "I was not hurt",
 * "nobody was injured", "no fire on board". The window is crude on purpose: "I was not the one
 * hurt" reads as negated, and a negation further back ("nobody on board was hurt") does not count.
 * Holds the state of the last scan: one detector per user that needs `lastDetection` (each
 * compiled rule set has its own).
 */
export class CueDetector {
  private readonly index = new PhraseIndex();
  /** Per phrase id, the cues it signals (a phrase may belong to more than one). */
  private readonly cueMasks: number[] = [];
  private readonly negatableMask: number;
  private readonly firstPhrases = new Int32Array(CUES.length);
  private lowered = '';
  private mask = 0;
  private readonly visit = (phraseId: number, start: number): void => {
    let found = this.cueMasks[phraseId]! & ~this.mask;
    if (found === 0) return;
    if ((found & this.negatableMask) !== 0 && isNegated(this.lowered, start)) found &= ~this.negatableMask;
    this.mask |= found;
    // Only bits new to this text reach here, so each cue keeps its first phrase.
    for (let index = 0; found !== 0; index++, found >>>= 1) if ((found & 1) !== 0) this.firstPhrases[index] = phraseId;
  };

  constructor(patterns: Readonly<Record<Cue, readonly string[]>> = CUE_PATTERNS) {
    for (const cue of CUES) {
      for (const phrase of patterns[cue].flatMap(expandPhrasePattern)) {
        const id = this.index.add(phrase);
        this.cueMasks[id] = (this.cueMasks[id] ?? 0) | cueBit(cue);
      }
    }
    this.negatableMask = [...NEGATABLE_CUES].reduce((mask, cue) => mask | cueBit(cue), 0);
  }

  /**
   * The cues in `lowered` (already `toLowerCase()`d) as a mask (see `cueBit`), allocating
   * nothing: the engine's hot path. `lastDetection` then tells the phrases, if they are wanted.
   */
  maskOf(lowered: string): number {
    this.lowered = lowered;
    this.mask = 0;
    this.index.scan(lowered, this.visit);
    this.lowered = '';
    return this.mask;
  }

  /** The cues and phrases of the text `maskOf` scanned last. */
  lastDetection(): CueDetection {
    const cues = cuesOfMask(this.mask);
    const phrases: Partial<Record<Cue, string>> = {};
    for (const cue of cues) phrases[cue] = this.index.phrase(this.firstPhrases[CUES.indexOf(cue)]!);
    return { cues, phrases };
  }

  detect(text: string): CueDetection {
    this.maskOf(text.toLowerCase());
    return this.lastDetection();
  }
}

function isNegated(lowered: string, start: number): boolean {
  const before = lowered.slice(Math.max(0, start - NEGATION_WINDOW_CHARS), start);
  let clauseStart = 0;
  for (const breakMatch of before.matchAll(CLAUSE_BREAK)) clauseStart = breakMatch.index + 1;
  const words = before.slice(clauseStart).match(WORDS) ?? [];
  return words.slice(-NEGATION_WINDOW_WORDS).some((word) => {
    const bare = word.replace(/['’]/g, '');
    return NEGATIONS.has(bare) || /n['’]t$/.test(word);
  });
}
