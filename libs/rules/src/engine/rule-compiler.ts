import { CueDetector, cuesOfMask } from '../cues/cue-detector';
import type { CueDetection } from '../cues/cue-detector';
import type { Rule, RuleSet } from '../rule-definition';
import type { RuleMatch, RuleSubject } from '../rule-subject';
import { PhraseIndex } from '../text/phrase-index';
import { CandidateRules } from './candidate-rules';
import { CompiledRule } from './compiled-rule';
import { reasonsFor } from './rule-reasons';

/** A rule set ready to route mentions: compile it once per version, evaluate every mention with it. */
export interface CompiledRuleSet {
  readonly version: number;
  /** The enabled rules, in the order they are tried. */
  readonly rules: readonly Rule[];
  /** The decision of the first enabled rule whose every condition holds, or undefined. */
  evaluate(subject: RuleSubject): RuleMatch | undefined;
  /** The matches only, in input order (a subject no rule matched has none). */
  evaluateBatch(subjects: readonly RuleSubject[]): RuleMatch[];
}

/** `set` must have passed `ruleSetSchema` (defaults applied). */
export function compileRuleSet(set: RuleSet, version: number): CompiledRuleSet {
  return new RuleSetEngine(set, version);
}

const NOT_DETECTED = -1;
const NO_CUES: CueDetection = { cues: [], phrases: {} };

/**
 * The evaluation loop. Per subject, only the rules its label, platform and yes/no facts allow
 * are tried (`CandidateRules`); each checks its cheap conditions first (numbers, sets) and
 * reaches the text only if they all hold. The text is lower-cased and scanned at most once per
 * subject, lazily: once for the keywords of every rule (one shared phrase index), once for cues.
 * Nothing is allocated while rules are tried; reasons are built for the matching rule only.
 * Holds per-subject state, so one instance must not evaluate two subjects at once (JavaScript
 * never does, short of sharing it with a worker).
 */
class RuleSetEngine implements CompiledRuleSet {
  readonly rules: readonly Rule[];
  private readonly candidates: CandidateRules;
  private readonly keywordIndex = new PhraseIndex();
  /** Its own: the match's reasons read the phrases of the scan made for this subject. */
  private readonly cueDetector = new CueDetector();
  /** Per keyword phrase id, the stamp of the last subject whose text held it. */
  private readonly keywordStamps: Uint32Array;
  private stamp = 0;
  private text = '';
  private lowered: string | undefined = undefined;
  private cueMask = NOT_DETECTED;
  private keywordsScanned = false;
  private readonly markKeyword = (phraseId: number): void => {
    this.keywordStamps[phraseId] = this.stamp;
  };

  constructor(
    set: RuleSet,
    readonly version: number,
  ) {
    this.rules = set.rules.filter((rule) => rule.enabled);
    this.candidates = new CandidateRules(this.rules.map((rule) => new CompiledRule(rule, this.keywordIndex)));
    this.keywordStamps = new Uint32Array(this.keywordIndex.size);
  }

  evaluate(subject: RuleSubject): RuleMatch | undefined {
    const rule = this.firstMatch(subject);
    const match = rule === undefined ? undefined : this.matchOf(rule, subject);
    this.text = '';
    this.lowered = undefined;
    return match;
  }

  evaluateBatch(subjects: readonly RuleSubject[]): RuleMatch[] {
    const matches: RuleMatch[] = [];
    for (const subject of subjects) {
      const match = this.evaluate(subject);
      if (match !== undefined) matches.push(match);
    }
    return matches;
  }

  private firstMatch(subject: RuleSubject): CompiledRule | undefined {
    this.text = subject.text;
    this.lowered = undefined;
    this.cueMask = NOT_DETECTED;
    this.keywordsScanned = false;
    const { score, confidence } = subject.sentiment;
    const { reach, lang, queryIds } = subject;
    const rules = this.candidates.for(subject);
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index]!;
      if (rule.hasScoreBounds && !(score <= rule.scoreAtMost && score >= rule.scoreAtLeast)) continue;
      if (rule.hasConfidenceBound && !(confidence < rule.confidenceBelow)) continue;
      if (rule.hasReachBound && !(reach >= rule.reachAtLeast)) continue;
      if (rule.languages !== undefined && (lang === undefined || !rule.languages.has(lang))) continue;
      if (rule.queries !== undefined && !anyIn(rule.queries, queryIds)) continue;
      if (rule.cueMask !== 0 && (this.cues() & rule.cueMask) === 0) continue;
      if (rule.keywordIds !== undefined && !this.anyKeyword(rule.keywordIds)) continue;
      if (rule.excludeIds !== undefined && this.anyKeyword(rule.excludeIds)) continue;
      return rule;
    }
    return undefined;
  }

  private loweredText(): string {
    return (this.lowered ??= this.text.toLowerCase());
  }

  private cues(): number {
    if (this.cueMask === NOT_DETECTED) this.cueMask = this.cueDetector.maskOf(this.loweredText());
    return this.cueMask;
  }

  private anyKeyword(phraseIds: Int32Array): boolean {
    if (!this.keywordsScanned) {
      this.nextStamp();
      this.keywordIndex.scan(this.loweredText(), this.markKeyword);
      this.keywordsScanned = true;
    }
    const stamps = this.keywordStamps;
    const stamp = this.stamp;
    for (let index = 0; index < phraseIds.length; index++) if (stamps[phraseIds[index]!] === stamp) return true;
    return false;
  }

  /** Stamps spare clearing the hit table per subject; after 4 billion subjects it is cleared once. */
  private nextStamp(): void {
    if (this.stamp === 0xffff_ffff) {
      this.keywordStamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  private matchOf(compiled: CompiledRule, subject: RuleSubject): RuleMatch {
    const { rule } = compiled;
    const { then } = rule;
    const cueMask = this.cues();
    const keywordsFound: string[] = [];
    if (compiled.keywordIds !== undefined) {
      for (const id of compiled.keywordIds) {
        if (this.keywordStamps[id] === this.stamp) keywordsFound.push(this.keywordIndex.phrase(id));
      }
    }
    const detection = compiled.cueMask === 0 ? NO_CUES : this.cueDetector.lastDetection();
    const match: RuleMatch = {
      mentionId: subject.mentionId,
      ruleId: rule.id,
      ruleName: rule.name,
      version: this.version,
      priority: then.priority,
      teamId: then.teamId,
      notify: then.notify,
      cues: cueMask === 0 ? NO_CUES.cues : cuesOfMask(cueMask),
      reasons: reasonsFor(rule.when, { subject, cues: detection, keywordsFound }),
    };
    // Set one by one rather than spread: a match is built for a large share of mentions.
    if (then.assignTo !== undefined) match.assignTo = then.assignTo;
    if (then.slaMinutes !== undefined) match.slaMinutes = then.slaMinutes;
    if (then.escalateToTeamId !== undefined) match.escalateToTeamId = then.escalateToTeamId;
    return match;
  }
}

function anyIn(wanted: ReadonlySet<string>, values: readonly string[]): boolean {
  for (let index = 0; index < values.length; index++) if (wanted.has(values[index]!)) return true;
  return false;
}
