import { toLiveMention } from '@watchfloor/contracts';
import type { LiveMention, WallFlaggedItem, WallFrame, WallMinute, WallPost } from '@watchfloor/contracts';
import type { StoredMention } from '@watchfloor/domain';
import { TERMS_PER_MINUTE, emptyMinute, minuteOf, placeCell, topCounts } from './wall-minute';

/** A stored mention as the builder reads it: no raw payload needed. */
export type FrameMention = Omit<StoredMention, 'raw'>;

/** A frame before the frame log has given it its id. */
export type FrameDraft = Omit<WallFrame, 'id'>;

export interface WallFrameBuilderOptions {
  reachOf: (mention: FrameMention) => number;
  termsOf: (text: string) => Iterable<string>;
}

export const NEWEST_PER_FRAME = 12;
export const INFLUENTIAL_PER_FRAME = 5;
export const FLAGGED_PER_FRAME = 10;
/**
 * Mentions whose terms are counted per frame. Term extraction is the one costly step per mention,
 * so past this many the counts are scaled up from a sample: rankings hold, and the cost stays flat
 * at any rate.
 */
export const TERM_SAMPLE_PER_FRAME = 1_000;

/**
 * Folds mentions (and flagged items) into the next frame: counts per minute, the newest few, the
 * highest reach, a sample of terms. Memory is bounded by the number of minutes a frame spans, not
 * by how many mentions it covers.
 */
export class WallFrameBuilder {
  private minutes = new Map<number, WallMinute>();
  private terms = new Map<number, Map<string, number>>();
  private newest: LiveMention[] = [];
  private influential: WallPost[] = [];
  private flagged: WallFlaggedItem[] = [];
  private taken = 0;
  private sampled = 0;

  constructor(private readonly options: WallFrameBuilderOptions) {}

  /** Whether anything arrived since the last cut. */
  get hasNews(): boolean {
    return this.taken > 0 || this.flagged.length > 0;
  }

  take(mentions: readonly FrameMention[]): void {
    for (const mention of mentions) this.takeOne(mention);
  }

  addFlagged(items: readonly WallFlaggedItem[]): void {
    this.flagged = [...items, ...this.flagged].slice(0, FLAGGED_PER_FRAME);
  }

  /** The frame of everything taken since the last cut; the builder starts empty again. */
  cut(
    previousId: string | null,
    at: number,
    slow: Pick<WallFrame, 'issues' | 'sla' | 'sources' | 'crises'>,
  ): FrameDraft {
    const scale = this.sampled === 0 ? 1 : this.taken / this.sampled;
    const minutes = [...this.minutes.values()].map((entry) => {
      const terms = this.terms.get(entry.minute);
      if (terms === undefined) return entry;
      const top = topCounts(Object.fromEntries(terms), TERMS_PER_MINUTE);
      for (const term of Object.keys(top)) top[term] = Math.round(top[term]! * scale);
      return { ...entry, terms: top };
    });
    const frame: FrameDraft = {
      previousId,
      at,
      minutes: minutes.sort((a, b) => a.minute - b.minute),
      newest: [...this.newest].sort((a, b) => b.ingestedAt - a.ingestedAt),
      flagged: this.flagged,
      influential: this.influential,
      ...slow,
    };
    this.minutes = new Map();
    this.terms = new Map();
    this.newest = [];
    this.influential = [];
    this.flagged = [];
    this.taken = 0;
    this.sampled = 0;
    return frame;
  }

  private takeOne(mention: FrameMention): void {
    this.taken++;
    const minute = minuteOf(mention.ingestedAt);
    let entry = this.minutes.get(minute);
    if (entry === undefined) {
      entry = emptyMinute(minute);
      this.minutes.set(minute, entry);
    }
    entry[mention.sentiment.label]++;
    if (mention.sentiment.label !== 'unsupported') entry.scoreSum += mention.sentiment.score;
    entry.platforms[mention.platform] = (entry.platforms[mention.platform] ?? 0) + 1;
    for (const queryId of mention.queryIds) entry.queries[queryId] = (entry.queries[queryId] ?? 0) + 1;
    if (mention.place !== undefined) {
      const cell = placeCell(mention.place.lat, mention.place.lon);
      const [count, negative] = entry.places[cell] ?? [0, 0];
      entry.places[cell] = [count + 1, negative + (mention.sentiment.label === 'negative' ? 1 : 0)];
    }
    if (this.sampled < TERM_SAMPLE_PER_FRAME) this.countTerms(minute, mention.text);
    this.keepNewest(mention);
    this.keepInfluential(mention);
  }

  private countTerms(minute: number, text: string): void {
    this.sampled++;
    let terms = this.terms.get(minute);
    if (terms === undefined) {
      terms = new Map();
      this.terms.set(minute, terms);
    }
    for (const term of this.options.termsOf(text)) terms.set(term, (terms.get(term) ?? 0) + 1);
  }

  private keepNewest(mention: FrameMention): void {
    if (this.newest.length < NEWEST_PER_FRAME) {
      this.newest.push(toLiveMention(mention));
      return;
    }
    let oldest = 0;
    for (let index = 1; index < this.newest.length; index++) {
      if (this.newest[index]!.ingestedAt < this.newest[oldest]!.ingestedAt) oldest = index;
    }
    if (mention.ingestedAt >= this.newest[oldest]!.ingestedAt) this.newest[oldest] = toLiveMention(mention);
  }

  private keepInfluential(mention: FrameMention): void {
    const reach = this.options.reachOf(mention);
    const weakest = this.influential[this.influential.length - 1];
    if (this.influential.length >= INFLUENTIAL_PER_FRAME && weakest !== undefined && weakest.reach >= reach) return;
    const post: WallPost = { ...toLiveMention(mention), reach };
    this.influential = [...this.influential, post].sort((a, b) => b.reach - a.reach).slice(0, INFLUENTIAL_PER_FRAME);
  }
}
