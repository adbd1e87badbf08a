import type { Platform, SentimentLabel } from '@watchfloor/domain';
import type { NotificationChannel } from './channel-types';

/**
 * The escalation rules as the API speaks them, mirrored from libs/rules/src/rule-definition.ts
 * (the web app does not import libs/rules: it would pull zod and the rule engine into the bundle).
 * The server validates every save; these types only keep the editor honest.
 */

/** P1 is the most urgent. Stored as text on the server: never rename a value. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Customer-care and risk cues a rule can ask for. Stored in rules: never rename a value. */
export const CUES = ['complaint', 'refund', 'cancel', 'lawsuit', 'injury', 'safety', 'data-breach'] as const;
export type Cue = (typeof CUES)[number];

// Records over the domain's unions: a platform or label added there fails to compile here until it is listed.
const PLATFORM_LABELS = {
  twitter: 'X / Twitter',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  rss: 'RSS',
} satisfies Record<Platform, string>;
const SENTIMENT_LABELS = {
  positive: 'positive',
  neutral: 'neutral',
  negative: 'negative',
  unsupported: 'unsupported language',
} satisfies Record<SentimentLabel, string>;

export const PLATFORM_OPTIONS = Object.entries(PLATFORM_LABELS).map(([value, label]) => ({
  value: value as Platform,
  label,
}));
export const SENTIMENT_OPTIONS = Object.entries(SENTIMENT_LABELS).map(([value, label]) => ({
  value: value as SentimentLabel,
  label,
}));

/** Every condition given must hold; lists match any of their values. An empty condition is left out. */
export interface RuleConditions {
  sentiment?: SentimentLabel[];
  scoreAtMost?: number;
  scoreAtLeast?: number;
  confidenceBelow?: number;
  queries?: string[];
  keywords?: string[];
  excludeKeywords?: string[];
  reachAtLeast?: number;
  verified?: boolean;
  platforms?: Platform[];
  languages?: string[];
  inIssue?: boolean;
  duringSpike?: boolean;
  cues?: Cue[];
}

export interface RuleActions {
  priority: Priority;
  teamId: string;
  assignTo?: string;
  notify: string[];
  slaMinutes?: number;
  escalateToTeamId?: string;
}

export interface Rule {
  /** A slug, stable across versions: items and statistics refer to it. */
  id: string;
  name: string;
  enabled: boolean;
  when: RuleConditions;
  then: RuleActions;
}

/** Who saved a version: the contract says "createdBy"; accept an id, a name or a user object. */
export type RuleAuthor = string | { id?: string; name?: string; displayName?: string } | null;

/** GET and PUT /api/rules. */
export interface RuleSetView {
  version: number;
  rules: Rule[];
  createdAt: string | null;
  createdBy: RuleAuthor;
}

/** GET /api/rules/versions. */
export interface RuleVersionView {
  version: number;
  createdAt: string;
  createdBy: RuleAuthor;
  ruleCount: number;
}

export interface DryRunSample {
  mentionId: string;
  text: string;
  author: string | { handle: string; name?: string };
  sentiment: string | { label: string; score?: number };
  priority: string;
}

/** POST /api/rules/dry-run: what each rule would have taken over the window (first match wins). */
export interface DryRunView {
  from: string;
  to: string;
  scanned: number;
  matched: number;
  perRule: { ruleId: string; ruleName: string; count: number; samples: DryRunSample[] }[];
}

/** The things a rule points at by id, listed for the pickers. */
export interface TeamView {
  id: string;
  name: string;
  memberIds: string[];
}

export interface PersonView {
  id: string;
  displayName: string;
  disabled: boolean;
}

export interface QueryOption {
  id: string;
  name: string;
}

/** The lists the rule form's pickers offer. */
export interface RuleLookups {
  teams: TeamView[];
  people: PersonView[];
  queries: QueryOption[];
  channels: NotificationChannel[];
}
