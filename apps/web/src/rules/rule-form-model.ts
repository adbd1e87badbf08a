import type { Platform, SentimentLabel } from '@watchfloor/domain';
import type { Cue, Priority, Rule, RuleActions, RuleConditions } from './rule-types';

/** A yes/no condition that may also be left out. */
export type TriState = 'any' | 'yes' | 'no';

/**
 * What the rule form edits: inputs hold text as typed (numbers, keyword lines, a language list),
 * so a half-typed value survives until the person applies the rule.
 */
export interface RuleFormState {
  /** Empty for a new rule: one is made from the name when the rule is applied. */
  id: string;
  name: string;
  enabled: boolean;
  sentiment: SentimentLabel[];
  scoreAtMost: string;
  scoreAtLeast: string;
  confidenceBelow: string;
  queries: string[];
  /** One keyword or phrase per line. */
  keywords: string;
  excludeKeywords: string;
  reachAtLeast: string;
  verified: TriState;
  platforms: Platform[];
  /** Comma-separated ISO 639 codes. */
  languages: string;
  inIssue: TriState;
  duringSpike: TriState;
  cues: Cue[];
  priority: Priority;
  teamId: string;
  assignTo: string;
  notify: string[];
  slaMinutes: string;
  escalateToTeamId: string;
}

export type RuleFormResult = { ok: true; rule: Rule } | { ok: false; problems: string[] };

export function emptyRuleForm(): RuleFormState {
  return {
    id: '',
    name: '',
    enabled: true,
    sentiment: [],
    scoreAtMost: '',
    scoreAtLeast: '',
    confidenceBelow: '',
    queries: [],
    keywords: '',
    excludeKeywords: '',
    reachAtLeast: '',
    verified: 'any',
    platforms: [],
    languages: '',
    inIssue: 'any',
    duringSpike: 'any',
    cues: [],
    priority: 'P3',
    teamId: '',
    assignTo: '',
    notify: [],
    slaMinutes: '',
    escalateToTeamId: '',
  };
}

export function formFromRule(rule: Rule): RuleFormState {
  const { when, then } = rule;
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    sentiment: when.sentiment ?? [],
    scoreAtMost: numberText(when.scoreAtMost),
    scoreAtLeast: numberText(when.scoreAtLeast),
    confidenceBelow: numberText(when.confidenceBelow),
    queries: when.queries ?? [],
    keywords: (when.keywords ?? []).join('\n'),
    excludeKeywords: (when.excludeKeywords ?? []).join('\n'),
    reachAtLeast: numberText(when.reachAtLeast),
    verified: triState(when.verified),
    platforms: when.platforms ?? [],
    languages: (when.languages ?? []).join(', '),
    inIssue: triState(when.inIssue),
    duringSpike: triState(when.duringSpike),
    cues: when.cues ?? [],
    priority: then.priority,
    teamId: then.teamId,
    assignTo: then.assignTo ?? '',
    notify: then.notify,
    slaMinutes: numberText(then.slaMinutes),
    escalateToTeamId: then.escalateToTeamId ?? '',
  };
}

/**
 * The rule a form describes, with empty conditions left out, or the obvious mistakes in it.
 * Only mistakes a person would want caught before sending are checked here: the server
 * validates every rule on dry run and save, and its answer is the one that counts.
 * `otherRuleIds` are the ids of the other rules in the list, which a new rule's id must avoid.
 */
export function ruleFromForm(form: RuleFormState, otherRuleIds: readonly string[]): RuleFormResult {
  const problems: string[] = [];
  let unreadableNumber = false;
  const number = (text: string, label: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const value = Number(text.trim());
    if (Number.isFinite(value)) return value;
    problems.push(`${label} must be a number`);
    unreadableNumber = true;
    return undefined;
  };

  const when: RuleConditions = {};
  if (form.sentiment.length > 0) when.sentiment = [...form.sentiment];
  const scoreAtMost = number(form.scoreAtMost, 'Score at most');
  if (scoreAtMost !== undefined) when.scoreAtMost = scoreAtMost;
  const scoreAtLeast = number(form.scoreAtLeast, 'Score at least');
  if (scoreAtLeast !== undefined) when.scoreAtLeast = scoreAtLeast;
  const confidenceBelow = number(form.confidenceBelow, 'Confidence below');
  if (confidenceBelow !== undefined) when.confidenceBelow = confidenceBelow;
  if (form.queries.length > 0) when.queries = [...form.queries];
  const keywords = lines(form.keywords);
  if (keywords.length > 0) when.keywords = keywords;
  const excludeKeywords = lines(form.excludeKeywords);
  if (excludeKeywords.length > 0) when.excludeKeywords = excludeKeywords;
  const reachAtLeast = number(form.reachAtLeast, 'Reach at least');
  if (reachAtLeast !== undefined) when.reachAtLeast = reachAtLeast;
  if (form.verified !== 'any') when.verified = form.verified === 'yes';
  if (form.platforms.length > 0) when.platforms = [...form.platforms];
  const languages = languageCodes(form.languages);
  if (languages.length > 0) when.languages = languages;
  if (form.inIssue !== 'any') when.inIssue = form.inIssue === 'yes';
  if (form.duringSpike !== 'any') when.duringSpike = form.duringSpike === 'yes';
  if (form.cues.length > 0) when.cues = [...form.cues];

  const then: RuleActions = { priority: form.priority, teamId: form.teamId, notify: [...form.notify] };
  if (form.assignTo !== '') then.assignTo = form.assignTo;
  const slaMinutes = number(form.slaMinutes, 'SLA minutes');
  if (slaMinutes !== undefined) {
    if (Number.isInteger(slaMinutes) && slaMinutes >= 1) then.slaMinutes = slaMinutes;
    else problems.push('SLA minutes must be a whole number of at least 1');
  }
  if (form.escalateToTeamId !== '') then.escalateToTeamId = form.escalateToTeamId;

  const name = form.name.trim();
  if (name === '') problems.push('Give the rule a name');
  // A condition typed wrongly is already reported; "no condition" would only confuse.
  if (Object.keys(when).length === 0 && !unreadableNumber) {
    problems.push('Give the rule at least one condition, or it would take every mention');
  }
  if (scoreAtMost !== undefined && scoreAtLeast !== undefined && scoreAtLeast > scoreAtMost) {
    problems.push('Score at least is above score at most: nothing could match');
  }
  if (form.teamId === '') problems.push('Choose the team whose inbox receives the matches');

  if (problems.length > 0) return { ok: false, problems };
  const id = form.id !== '' ? form.id : ruleIdFor(name, otherRuleIds);
  return { ok: true, rule: { id, name, enabled: form.enabled, when, then } };
}

/** A slug for a new rule, from its name, that no other rule in the list uses (the server's pattern: [a-z0-9][a-z0-9-]{0,62}). */
export function ruleIdFor(name: string, takenIds: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'rule';
  if (!takenIds.includes(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!takenIds.includes(candidate)) return candidate;
  }
}

function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function triState(value: boolean | undefined): TriState {
  if (value === undefined) return 'any';
  return value ? 'yes' : 'no';
}

function lines(text: string): string[] {
  return unique(text.split('\n').map((line) => line.trim()));
}

function languageCodes(text: string): string[] {
  return unique(text.split(/[\s,;]+/).map((code) => code.trim().toLowerCase()));
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
