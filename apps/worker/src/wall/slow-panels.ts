import { mentionReach } from '@watchfloor/analysis';
import type { SourceFreshness, Timed, WallCrisis, WallFrame, WallIssue } from '@watchfloor/contracts';
import type { IssueCaseRepository, WallIssueRow, WallRepository } from '@watchfloor/persistence';
import { toLiveMention } from '@watchfloor/contracts';
import { freshnessOf } from '@watchfloor/wall';

type SlowPart = 'issues' | 'sla' | 'sources' | 'crises';
type SlowParts = Pick<WallFrame, SlowPart>;

/** How often each slow panel is read again: what a person notices, not what the database could do. */
const PERIOD_MS: Record<SlowPart, number> = { crises: 2_000, issues: 3_000, sla: 5_000, sources: 10_000 };
const ISSUES_SHOWN = 6;
const SPARKLINE_MINUTES = 30;
const CRISIS_MINUTES = 60;
const CRISIS_TOP_POSTS = 5;
const MAX_CRISES = 3;

/**
 * Reads the panels fed from PostgreSQL rather than the stream, each on its own period, without
 * holding up the frames: a read runs in the background and joins the first frame cut after it ends.
 */
export class SlowPanels {
  private readonly due = new Map<SlowPart, number>();
  private readonly inFlight = new Set<SlowPart>();
  private ready: SlowParts = {};

  constructor(
    private readonly wall: WallRepository,
    private readonly issueCases: IssueCaseRepository,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Starts the reads that are due; returns the ones finished since the last call. */
  collect(now: number): SlowParts {
    for (const part of Object.keys(PERIOD_MS) as SlowPart[]) {
      if (this.inFlight.has(part) || (this.due.get(part) ?? 0) > now) continue;
      this.inFlight.add(part);
      this.due.set(part, now + PERIOD_MS[part]);
      void this.read(part, new Date(now))
        .then((value) => (this.ready = { ...this.ready, [part]: { asOf: Date.now(), value } }))
        .catch((error: Error) => this.onError(error))
        .finally(() => this.inFlight.delete(part));
    }
    const ready = this.ready;
    this.ready = {};
    return ready;
  }

  private read(part: SlowPart, now: Date): Promise<Timed<unknown>['value']> {
    switch (part) {
      case 'issues':
        return this.issues(now);
      case 'sla':
        return this.wall.teamSla(now);
      case 'sources':
        return this.sources(now);
      case 'crises':
        return this.crises(now);
    }
  }

  private async issues(now: Date): Promise<WallIssue[]> {
    const rows = await this.wall.emergingIssues(ISSUES_SHOWN);
    const minutes = await this.wall.issueMinutes(
      rows.map((row) => row.id),
      SPARKLINE_MINUTES,
      now,
    );
    return rows.map((row) => withSparkline(row, minutes.get(row.id)?.volume ?? []));
  }

  private async sources(now: Date): Promise<SourceFreshness[]> {
    const facts = await this.wall.sourceFacts();
    return facts.map((source) => ({
      sourceId: source.sourceId,
      name: source.name,
      platform: source.platform,
      // A source polled every half hour is not stale after ten minutes.
      state: freshnessOf(source, now.getTime(), {
        staleAfterMs: Math.max(10 * 60_000, 3 * source.pollSeconds * 1_000),
        quietAfterMs: Math.max(30 * 60_000, 6 * source.pollSeconds * 1_000),
      }),
      lastMentionAt: source.newestMentionAt,
      lastSuccessAt: source.lastSuccessAt,
    }));
  }

  private async crises(now: Date): Promise<WallCrisis[]> {
    // The most recently raised first: that is the one the wall turns to.
    const open = (await this.issueCases.unacknowledgedP1()).reverse().slice(0, MAX_CRISES);
    if (open.length === 0) return [];
    const ids = open.map((crisis) => crisis.issueId);
    const [issues, minutes] = await Promise.all([
      this.wall.issuesById(ids),
      this.wall.issueMinutes(ids, CRISIS_MINUTES, now),
    ]);
    const firstMinute = Math.floor(now.getTime() / 60_000) * 60_000 - (CRISIS_MINUTES - 1) * 60_000;
    const crises: WallCrisis[] = [];
    for (const crisis of open) {
      const issue = issues.find((candidate) => candidate.id === crisis.issueId);
      if (issue === undefined) continue;
      const series = minutes.get(crisis.issueId) ?? { volume: [], negative: [] };
      const posts = await this.wall.issueTopPosts(crisis.issueId, CRISIS_TOP_POSTS);
      crises.push({
        issue: withSparkline(issue, series.volume.slice(-SPARKLINE_MINUTES)),
        raisedBy: crisis.raisedBy,
        raisedAt: crisis.raisedAt,
        timeline: series.volume.map((volume, index) => ({
          minute: firstMinute + index * 60_000,
          volume,
          negative: series.negative[index] ?? 0,
        })),
        topPosts: posts.map((post) => ({ ...toLiveMention(post), reach: mentionReach(post) })),
      });
    }
    return crises;
  }
}

function withSparkline(row: WallIssueRow, sparkline: number[]): WallIssue {
  return { ...row, sparkline };
}
