/** Hashtags seen are few and repeat endlessly: their segmentations are kept, up to this many. */
const CACHE_SIZE = 5_000;
const MAX_PARTS = 4;

/**
 * Splits a hashtag into the words it is written from (#neveragain → never again, #epicfail →
 * epic fail), with the fewest words a vocabulary allows; null when it cannot be read completely.
 */
export class HashtagSegmenter {
  private readonly cache = new Map<string, string[] | null>();
  private readonly longest: number;

  constructor(private readonly vocabulary: ReadonlySet<string>) {
    let longest = 0;
    for (const word of vocabulary) if (word.length > longest) longest = word.length;
    this.longest = longest;
  }

  /**
   * `tag` as written, without "#". CamelCase (#NeverAgain) is split where its capitals are; a tag in
   * one case (#neveragain, #EPICFAIL) by the vocabulary; a capitalised name (#Irene, #Godwins) is a
   * name and is read only whole, never as words hidden inside it (god + wins).
   */
  segment(tag: string): string[] | null {
    const cached = this.cache.get(tag);
    if (cached !== undefined) return cached;
    const result = tag.length > 40 ? null : this.read(tag);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(tag, result);
    return result;
  }

  private read(tag: string): string[] | null {
    const lower = tag.toLowerCase();
    if (this.vocabulary.has(lower)) return [lower];
    const humps = tag.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
    if (humps.length > 1 && tag !== tag.toUpperCase()) {
      const words = humps.map((hump) => hump.toLowerCase());
      return words.length <= MAX_PARTS && words.every((word) => this.vocabulary.has(word)) ? words : null;
    }
    if (/^[A-Z][a-z]/.test(tag)) return null;
    return this.split(lower);
  }

  /** Dynamic programming over end positions: the fewest known words that cover the whole tag. */
  private split(tag: string): string[] | null {
    const best: (string[] | null)[] = new Array<string[] | null>(tag.length + 1).fill(null);
    best[0] = [];
    for (let end = 1; end <= tag.length; end++) {
      for (let start = Math.max(0, end - this.longest); start < end; start++) {
        const before = best[start];
        if (before === null || before === undefined || before.length >= MAX_PARTS) continue;
        const word = tag.slice(start, end);
        // One-letter words other than "a" and "i" would let anything through.
        if (word.length === 1 && word !== 'a' && word !== 'i') continue;
        if (!this.vocabulary.has(word)) continue;
        const candidate = [...before, word];
        const current = best[end];
        if (current === null || current === undefined || candidate.length < current.length) best[end] = candidate;
      }
    }
    return best[tag.length] ?? null;
  }
}
