import type { FloorMention, FloorMentionResult, ListeningFloor } from '@watchfloor/analysis';
import type { TriageItemView } from '@watchfloor/contracts';
import type {
  NewTriageItem,
  NotificationRepository,
  RuleSetRepository,
  TeamRepository,
  TeamSettings,
  TriageRepository,
} from '@watchfloor/persistence';
import { compileRuleSet, hoursOrAroundTheClock, slaDueAt, startSla } from '@watchfloor/rules';
import type { CompiledRuleSet, RuleMatch, RuleSubject } from '@watchfloor/rules';
import { alertNotesFor } from '../triage/alert-notes';

/** Team settings (hours, names) are re-read at least this often, besides on every rule change. */
const TEAMS_TTL_MS = 30_000;

export interface TriageRouterDependencies {
  ruleSets: RuleSetRepository;
  teams: TeamRepository;
  triage: TriageRepository;
  notifications: NotificationRepository;
}

/** What a round decided for triage: items to file, and echoes to count against items filed before. */
export interface RoutedRound {
  items: NewTriageItem[];
  echoes: Map<string, number>;
}

/**
 * Escalation rules inside the pipeline: the rule set compiled once per version, evaluated a round
 * at a time on the new voices the floor found (echoes are counted against the item of the post they
 * echo rather than filed again), with what the floor knows (reach, issue, spike).
 */
export class TriageRouter {
  private compiled: CompiledRuleSet | undefined;
  private version = -1;
  private teams = new Map<string, TeamSettings>();
  private teamsReadAt = 0;

  constructor(private readonly deps: TriageRouterDependencies) {}

  /** Picks up a new rule version (one cheap query per round) and refreshes team settings. */
  async refresh(now = Date.now()): Promise<void> {
    const version = await this.deps.ruleSets.currentVersion();
    if (version !== this.version) {
      const current = await this.deps.ruleSets.current();
      this.compiled =
        current.rules.length === 0 ? undefined : compileRuleSet({ rules: current.rules }, current.version);
      this.version = current.version;
      this.teamsReadAt = 0;
    }
    if (now - this.teamsReadAt >= TEAMS_TTL_MS) {
      this.teams = new Map((await this.deps.teams.settings()).map((team) => [team.id, team]));
      this.teamsReadAt = now;
    }
  }

  /** Evaluates one stored batch with the floor's verdicts on it (same order), adding to `round`. */
  route(
    mentions: readonly FloorMention[],
    results: readonly FloorMentionResult[],
    floor: ListeningFloor,
    round: RoutedRound,
    now = new Date(),
  ): void {
    // No rule was ever saved, so no item can exist for an echo to count on: spare the database.
    if (this.version <= 0) return;
    const subjects: RuleSubject[] = [];
    mentions.forEach((mention, index) => {
      const result = results[index]!;
      if (!result.verdict.isNewVoice) {
        const original = result.verdict.echoOf;
        if (original !== undefined) round.echoes.set(original, (round.echoes.get(original) ?? 0) + 1);
        return;
      }
      if (this.compiled === undefined) return;
      subjects.push({
        mentionId: mention.id,
        platform: mention.platform,
        text: mention.text,
        ...(mention.lang !== undefined && { lang: mention.lang }),
        author: mention.author,
        sentiment: mention.sentiment,
        queryIds: mention.queryIds,
        reach: result.verdict.reach,
        ...(result.issueId !== undefined && { issueId: result.issueId }),
        spiking: floor.isSpiking(mention.queryIds, result.issueId),
      });
    });
    if (this.compiled === undefined || subjects.length === 0) return;
    for (const match of this.compiled.evaluateBatch(subjects)) round.items.push(this.toItem(match, now));
  }

  /** Files the round's items, counts its echoes and gathers its alerts, all in one transaction. */
  async save(round: RoutedRound): Promise<TriageItemView[]> {
    if (round.items.length === 0 && round.echoes.size === 0) return [];
    const { triage, notifications } = this.deps;
    const changed = await triage.transaction(async (db) => {
      const created = await triage.createItems(round.items, db);
      const echoed = await triage.addEchoes(
        [...round.echoes].map(([echoOf, count]) => ({ echoOf, count })),
        db,
      );
      const views = await triage.views([...new Set([...created.map((item) => item.id), ...echoed])], db);
      const createdIds = new Set(created.map((item) => item.id));
      const notifyOf = new Map(round.items.map((item) => [item.mentionId, item.notify]));
      await notifications.gather(
        views
          .filter((view) => createdIds.has(view.id))
          .flatMap((view) => alertNotesFor(view, notifyOf.get(view.mention.id) ?? [], 'flagged', view.createdAt)),
        db,
      );
      return views;
    });
    return changed;
  }

  private toItem(match: RuleMatch, now: Date): NewTriageItem {
    const team = this.teams.get(match.teamId);
    const clock = match.slaMinutes === undefined ? null : startSla(now, match.slaMinutes);
    const dueAt = clock === null ? null : slaDueAt(clock, hoursOrAroundTheClock(team?.businessHours));
    return {
      mentionId: match.mentionId,
      teamId: match.teamId,
      priority: match.priority,
      assigneeId: match.assignTo ?? null,
      ruleId: match.ruleId,
      ruleName: match.ruleName,
      ruleVersion: match.version,
      reasons: match.reasons,
      notify: match.notify,
      escalateToTeamId: match.escalateToTeamId ?? null,
      sla: clock,
      dueAt: dueAt?.toISOString() ?? null,
      createdAt: now.toISOString(),
    };
  }
}

export function emptyRoutedRound(): RoutedRound {
  return { items: [], echoes: new Map() };
}
