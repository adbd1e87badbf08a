import type { CueDetection } from '../cues/cue-detector';
import type { RuleConditions } from '../rule-definition';
import type { RuleReason, RuleSubject } from '../rule-subject';

/** What the engine found in the subject, for the rule that matched it. */
export interface MatchEvidence {
  subject: RuleSubject;
  cues: CueDetection;
  /** The rule's keywords found in the text, normalized, in the rule's order. */
  keywordsFound: readonly string[];
}

/** Excluded keywords named in a reason before "and N more": the console shows one line. */
const LISTED_EXCLUSIONS = 3;

/**
 * One reason per condition of the rule, for the console's "why flagged", in the order of the
 * schema. Built only for the rule that matched, after the match, so the hot loop allocates
 * nothing. `condition` names the condition without its comparison (`scoreAtMost` is "score",
 * `reachAtLeast` is "reach"); `detail` is the subject's value against the rule's.
 */
export function reasonsFor(when: RuleConditions, evidence: MatchEvidence): RuleReason[] {
  const { subject, cues, keywordsFound } = evidence;
  const { sentiment } = subject;
  const reasons: RuleReason[] = [];
  const add = (condition: string, detail: string) => reasons.push({ condition, detail });
  if (when.sentiment !== undefined) add('sentiment', `${sentiment.label} (${format(sentiment.score)})`);
  if (when.scoreAtMost !== undefined) add('score', `${format(sentiment.score)} ≤ ${format(when.scoreAtMost)}`);
  if (when.scoreAtLeast !== undefined) add('score', `${format(sentiment.score)} ≥ ${format(when.scoreAtLeast)}`);
  if (when.confidenceBelow !== undefined) {
    add('confidence', `${format(sentiment.confidence)} < ${format(when.confidenceBelow)}`);
  }
  if (when.queries !== undefined) {
    const asked = new Set(when.queries);
    add('queries', quoted(subject.queryIds.filter((id) => asked.has(id))));
  }
  if (when.keywords !== undefined) add('keywords', quoted(keywordsFound));
  if (when.excludeKeywords !== undefined) {
    const listed = quoted(when.excludeKeywords.slice(0, LISTED_EXCLUSIONS));
    const more = when.excludeKeywords.length - LISTED_EXCLUSIONS;
    add('excludeKeywords', `none of ${listed}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (when.reachAtLeast !== undefined) add('reach', `${format(subject.reach)} ≥ ${format(when.reachAtLeast)}`);
  if (when.verified !== undefined) add('verified', when.verified ? 'verified author' : 'author not verified');
  if (when.platforms !== undefined) add('platforms', subject.platform);
  if (when.languages !== undefined) add('languages', subject.lang ?? '');
  if (when.inIssue !== undefined) {
    add('inIssue', subject.issueId === undefined ? 'in no issue' : `in issue ${subject.issueId}`);
  }
  if (when.duringSpike !== undefined) add('duringSpike', subject.spiking ? 'spiking' : 'not spiking');
  if (when.cues !== undefined) {
    const found = when.cues.filter((cue) => cues.phrases[cue] !== undefined);
    add('cues', found.map((cue) => `${cue} ("${cues.phrases[cue]}")`).join(', '));
  }
  return reasons;
}

/**
 * At most two decimals, thousands grouped ("12,400", "-0.62"). Written out because
 * `Intl.NumberFormat` took a tenth of the engine's time in `bench:rules`, where a large share
 * of mentions match.
 */
export function format(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (!Number.isFinite(rounded) || Math.abs(rounded) < 1_000) return String(rounded === 0 ? 0 : rounded);
  const [whole, fraction] = String(Math.abs(rounded)).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function quoted(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
