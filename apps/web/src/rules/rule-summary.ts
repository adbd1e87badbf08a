import type { RuleActions, RuleAuthor, RuleConditions } from './rule-types';

/** Names for the ids a rule points at; an id missing from a map is shown as it is. */
export interface RuleNames {
  queries: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
  channels: ReadonlyMap<string, string>;
}

/** A rule's conditions in one line for the list, in the order the form shows them. */
export function summarizeConditions(when: RuleConditions, names: RuleNames): string {
  const parts: string[] = [];
  if (when.sentiment) parts.push(`sentiment ${when.sentiment.join(' or ')}`);
  if (when.scoreAtLeast !== undefined) parts.push(`score ≥ ${when.scoreAtLeast}`);
  if (when.scoreAtMost !== undefined) parts.push(`score ≤ ${when.scoreAtMost}`);
  if (when.confidenceBelow !== undefined) parts.push(`confidence < ${when.confidenceBelow}`);
  if (when.queries) parts.push(`query ${nameList(when.queries, names.queries)}`);
  if (when.keywords) parts.push(`mentions ${quoted(when.keywords)}`);
  if (when.excludeKeywords) parts.push(`not ${quoted(when.excludeKeywords)}`);
  if (when.reachAtLeast !== undefined) parts.push(`reach ≥ ${when.reachAtLeast.toLocaleString()}`);
  if (when.verified !== undefined) parts.push(when.verified ? 'verified author' : 'unverified author');
  if (when.platforms) parts.push(`on ${when.platforms.join(' or ')}`);
  if (when.languages) parts.push(`in ${when.languages.join(' or ')}`);
  if (when.inIssue !== undefined) parts.push(when.inIssue ? 'in an issue' : 'not in an issue');
  if (when.duringSpike !== undefined) parts.push(when.duringSpike ? 'during a spike' : 'no spike');
  if (when.cues) parts.push(`cue ${when.cues.join(' or ')}`);
  return parts.join(' · ');
}

/** A rule's actions in one line for the list, after its priority (shown apart, in its colour). */
export function summarizeActions(then: RuleActions, names: RuleNames): string {
  const parts = [`to ${names.teams.get(then.teamId) ?? then.teamId}`];
  if (then.assignTo !== undefined) parts.push(`assigned to ${names.people.get(then.assignTo) ?? then.assignTo}`);
  if (then.notify.length > 0) parts.push(`notify ${nameList(then.notify, names.channels)}`);
  if (then.slaMinutes !== undefined) {
    const next =
      then.escalateToTeamId === undefined
        ? ''
        : ` then ${names.teams.get(then.escalateToTeamId) ?? then.escalateToTeamId}`;
    parts.push(`SLA ${then.slaMinutes} min${next}`);
  } else if (then.escalateToTeamId !== undefined) {
    parts.push(`escalates to ${names.teams.get(then.escalateToTeamId) ?? then.escalateToTeamId}`);
  }
  return parts.join(' · ');
}

/** Who saved a version, however the server spells it. */
export function authorName(author: RuleAuthor): string {
  if (author === null) return 'unknown';
  if (typeof author === 'string') return author;
  return author.displayName ?? author.name ?? author.id ?? 'unknown';
}

function nameList(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return ids.map((id) => names.get(id) ?? id).join(' or ');
}

function quoted(phrases: readonly string[]): string {
  const shown = phrases.slice(0, 4).map((phrase) => `"${phrase}"`);
  return phrases.length > shown.length ? `${shown.join(', ')} +${phrases.length - shown.length}` : shown.join(', ');
}
