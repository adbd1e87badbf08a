import { PLATFORMS } from '@watchfloor/domain';
import type { Platform, SentimentLabel } from '@watchfloor/domain';
import { cueBit } from '../cues/cue-detector';
import type { Rule } from '../rule-definition';
import type { PhraseIndex } from '../text/phrase-index';

const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative', 'unsupported'];
/** Every bit set: a mask for a condition the rule does not have, so its check always passes. */
export const ANY = -1;
/** A yes/no condition the rule does not have. */
export const EITHER = -1;

const labelSlots = new Map<string, number>(SENTIMENT_LABELS.map((label, index) => [label, index]));
const platformSlots = new Map<string, number>(PLATFORMS.map((platform, index) => [platform, index]));
/** Slots for the labels, and one for a label no rule can name (added later): only rules without the condition take it. */
export const LABEL_SLOTS = SENTIMENT_LABELS.length + 1;
export const PLATFORM_SLOTS = PLATFORMS.length + 1;

/** The subject's sentiment label as a slot: bit `1 << slot` of `CompiledRule.sentimentMask`. */
export function labelSlot(label: SentimentLabel): number {
  return labelSlots.get(label) ?? SENTIMENT_LABELS.length;
}

/** The subject's platform as a slot: bit `1 << slot` of `CompiledRule.platformMask`. */
export function platformSlot(platform: Platform): number {
  return platformSlots.get(platform) ?? PLATFORMS.length;
}

/**
 * A rule's conditions in the form the engine checks fastest: labels and platforms as bit masks,
 * yes/no conditions as -1 (either), 0 or 1, bounds as numbers with a flag, lists as Sets, keywords
 * as phrase ids in the rule set's shared phrase index. Every instance has the same fields, in
 * the same order, so the engine's checks stay monomorphic.
 */
export class CompiledRule {
  readonly sentimentMask: number;
  readonly platformMask: number;
  readonly verified: number;
  readonly inIssue: number;
  readonly duringSpike: number;
  readonly hasScoreBounds: boolean;
  readonly scoreAtMost: number;
  readonly scoreAtLeast: number;
  readonly hasConfidenceBound: boolean;
  readonly confidenceBelow: number;
  readonly hasReachBound: boolean;
  readonly reachAtLeast: number;
  readonly languages: ReadonlySet<string> | undefined;
  readonly queries: ReadonlySet<string> | undefined;
  /** 0: no cue condition. */
  readonly cueMask: number;
  readonly keywordIds: Int32Array | undefined;
  readonly excludeIds: Int32Array | undefined;

  constructor(
    readonly rule: Rule,
    keywordIndex: PhraseIndex,
  ) {
    const when = rule.when;
    this.sentimentMask = when.sentiment === undefined ? ANY : maskOf(when.sentiment, labelSlots);
    this.platformMask = when.platforms === undefined ? ANY : maskOf(when.platforms, platformSlots);
    this.verified = yesNo(when.verified);
    this.inIssue = yesNo(when.inIssue);
    this.duringSpike = yesNo(when.duringSpike);
    this.hasScoreBounds = when.scoreAtMost !== undefined || when.scoreAtLeast !== undefined;
    this.scoreAtMost = when.scoreAtMost ?? Infinity;
    this.scoreAtLeast = when.scoreAtLeast ?? -Infinity;
    this.hasConfidenceBound = when.confidenceBelow !== undefined;
    this.confidenceBelow = when.confidenceBelow ?? Infinity;
    this.hasReachBound = when.reachAtLeast !== undefined;
    this.reachAtLeast = when.reachAtLeast ?? -Infinity;
    this.languages = when.languages === undefined ? undefined : new Set(when.languages);
    this.queries = when.queries === undefined ? undefined : new Set(when.queries);
    this.cueMask = (when.cues ?? []).reduce((mask, cue) => mask | cueBit(cue), 0);
    this.keywordIds = phraseIds(when.keywords, keywordIndex);
    this.excludeIds = phraseIds(when.excludeKeywords, keywordIndex);
  }

  /**
   * Whether a subject with these facts passes the rule's label, platform and yes/no conditions:
   * the engine sorts rules into candidate lists by these, once per rule set.
   */
  acceptsFacts(label: number, platform: number, verified: number, inIssue: number, spiking: number): boolean {
    return (
      (this.sentimentMask & (1 << label)) !== 0 &&
      (this.platformMask & (1 << platform)) !== 0 &&
      (this.verified === EITHER || this.verified === verified) &&
      (this.inIssue === EITHER || this.inIssue === inIssue) &&
      (this.duringSpike === EITHER || this.duringSpike === spiking)
    );
  }
}

function maskOf(values: readonly string[], slots: ReadonlyMap<string, number>): number {
  return values.reduce((mask, value) => mask | (1 << slots.get(value)!), 0);
}

function yesNo(value: boolean | undefined): number {
  return value === undefined ? EITHER : value ? 1 : 0;
}

function phraseIds(phrases: readonly string[] | undefined, index: PhraseIndex): Int32Array | undefined {
  return phrases === undefined ? undefined : Int32Array.from(new Set(phrases.map((phrase) => index.add(phrase))));
}
