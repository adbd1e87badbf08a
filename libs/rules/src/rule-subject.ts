import type { Platform, SentimentLabel } from '@watchfloor/domain';
import type { Cue, Priority } from './rule-definition';

/** A scored mention as rules read it, with what analysis concluded about it. */
export interface RuleSubject {
  mentionId: string;
  platform: Platform;
  text: string;
  lang?: string;
  author: { handle: string; followers?: number; verified?: boolean };
  sentiment: { label: SentimentLabel; score: number; confidence: number };
  queryIds: readonly string[];
  /** Influence figure from followers, engagement and verification (analysis' reach). */
  reach: number;
  /** The emerging issue it was filed under, if any. */
  issueId?: string;
  /** One of its queries, or its issue, is spiking right now. */
  spiking: boolean;
}

/** Why a rule matched, one line per condition, for the console's "why flagged". */
export interface RuleReason {
  condition: string;
  detail: string;
}

/** The decision of the first enabled rule that matched a mention. */
export interface RuleMatch {
  mentionId: string;
  ruleId: string;
  ruleName: string;
  /** The rule set version that decided: items keep it, so a later edit never rewrites history. */
  version: number;
  priority: Priority;
  teamId: string;
  assignTo?: string;
  notify: readonly string[];
  slaMinutes?: number;
  escalateToTeamId?: string;
  cues: readonly Cue[];
  reasons: readonly RuleReason[];
}
