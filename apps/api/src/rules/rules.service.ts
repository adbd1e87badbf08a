import { BadRequestException, Injectable } from '@nestjs/common';
import { reachOf } from '@watchfloor/analysis';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import {
  AuditRepository,
  ListeningQueryRepository,
  NotificationRepository,
  RuleSetRepository,
  TeamRepository,
} from '@watchfloor/persistence';
import type { RuleSetVersionSummary, StoredRuleSet } from '@watchfloor/persistence';
import { compileRuleSet } from '@watchfloor/rules';
import type { RuleSet, RuleSubject } from '@watchfloor/rules';

/** What a dry run looks back over, and how many mentions it reads at most. */
const DRY_RUN_WINDOW_MS = 24 * 3600_000;
const DRY_RUN_MAX_MENTIONS = 100_000;
const SAMPLES_PER_RULE = 5;

export interface DryRunResult {
  from: string;
  to: string;
  scanned: number;
  /** True when the window held more mentions than a dry run reads: the newest were read. */
  truncated: boolean;
  matched: number;
  perRule: {
    ruleId: string;
    ruleName: string;
    count: number;
    samples: { mentionId: string; text: string; author: string; sentiment: string; priority: string }[];
  }[];
}

@Injectable()
export class RulesService {
  constructor(
    private readonly ruleSets: RuleSetRepository,
    private readonly teams: TeamRepository,
    private readonly queries: ListeningQueryRepository,
    private readonly channels: NotificationRepository,
    private readonly audit: AuditRepository,
  ) {}

  current(): Promise<StoredRuleSet> {
    return this.ruleSets.current();
  }

  versions(): Promise<RuleSetVersionSummary[]> {
    return this.ruleSets.versions();
  }

  /** A new version of the whole list, once every team, person, query and channel it names exists. */
  async save(set: RuleSet, by: Principal): Promise<StoredRuleSet> {
    await this.checkReferences(set);
    return this.audit.audited(async (db, audit) => {
      const before = await this.ruleSets.current(db);
      const saved = await this.ruleSets.save(set.rules, actorOf(by).label, db);
      await audit({
        actor: actorOf(by),
        action: 'rules.saved',
        target: { type: 'rule-set', id: String(saved.version) },
        before: { version: before.version, rules: before.rules },
        after: { version: saved.version, rules: saved.rules },
      });
      return saved;
    });
  }

  /** What the rules would have flagged over the last 24 hours (spikes are not replayed: `duringSpike` reads false). */
  async dryRun(set: RuleSet): Promise<DryRunResult> {
    await this.checkReferences(set);
    const to = new Date();
    const from = new Date(to.getTime() - DRY_RUN_WINDOW_MS);
    const mentions = await this.ruleSets.mentionsSince(from, DRY_RUN_MAX_MENTIONS + 1);
    const truncated = mentions.length > DRY_RUN_MAX_MENTIONS;
    const subjects: RuleSubject[] = mentions.slice(0, DRY_RUN_MAX_MENTIONS).map((mention) => ({
      ...mention,
      reach: reachOf({ ...mention.author, ...mention.metrics }),
      spiking: false,
    }));
    const matches = compileRuleSet(set, 0).evaluateBatch(subjects);
    const byId = new Map(subjects.map((subject) => [subject.mentionId, subject]));
    const perRule = set.rules.map((rule) => ({
      ruleId: rule.id,
      ruleName: rule.name,
      count: 0,
      samples: [] as DryRunResult['perRule'][number]['samples'],
    }));
    const ruleIndex = new Map(perRule.map((entry, index) => [entry.ruleId, index]));
    for (const match of matches) {
      const entry = perRule[ruleIndex.get(match.ruleId)!]!;
      entry.count += 1;
      const subject = byId.get(match.mentionId)!;
      if (entry.samples.length < SAMPLES_PER_RULE) {
        entry.samples.push({
          mentionId: subject.mentionId,
          text: subject.text,
          author: subject.author.handle,
          sentiment: subject.sentiment.label,
          priority: match.priority,
        });
      }
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      scanned: subjects.length,
      truncated,
      matched: matches.length,
      perRule,
    };
  }

  private async checkReferences(set: RuleSet): Promise<void> {
    const [teams, queries, channelIds] = await Promise.all([
      this.teams.list(),
      this.queries.list(),
      this.channels.channelIds([...new Set(set.rules.flatMap((rule) => rule.then.notify))]),
    ]);
    const teamsById = new Map(teams.map((team) => [team.id, team]));
    const queryIds = new Set(queries.map((query) => query.id));
    const problems: string[] = [];
    set.rules.forEach((rule, index) => {
      const at = `rules.${index}`;
      const team = teamsById.get(rule.then.teamId);
      if (team === undefined) problems.push(`${at}.then.teamId: no team ${rule.then.teamId}`);
      if (rule.then.escalateToTeamId !== undefined && !teamsById.has(rule.then.escalateToTeamId)) {
        problems.push(`${at}.then.escalateToTeamId: no team ${rule.then.escalateToTeamId}`);
      }
      if (rule.then.assignTo !== undefined && team !== undefined && !team.memberIds.includes(rule.then.assignTo)) {
        problems.push(`${at}.then.assignTo: ${rule.then.assignTo} is not a member of team "${team.name}"`);
      }
      for (const channel of rule.then.notify) {
        if (!channelIds.includes(channel)) problems.push(`${at}.then.notify: no notification channel ${channel}`);
      }
      for (const query of rule.when.queries ?? []) {
        if (!queryIds.has(query)) problems.push(`${at}.when.queries: no listening query ${query}`);
      }
    });
    if (problems.length > 0) throw new BadRequestException({ message: 'Invalid rules', problems });
  }
}
