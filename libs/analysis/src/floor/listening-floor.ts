import type { AnalysisMention } from '@watchfloor/contracts';
import type { ScoredMention } from '@watchfloor/domain';
import { IssueClusterer } from '../issues/issue-clusterer';
import type { IssueSnapshot, ListeningTerms } from '../issues/issue-clusterer';
import { toIssueInput } from '../issues/issue-features';
import { NearDuplicateIndex } from '../noise/near-duplicate-index';
import { filterNoise } from '../noise/noise-filter';
import type { NoiseVerdict } from '../noise/noise-filter';
import { IncidentGrouper } from '../spikes/incident-grouper';
import type { IncidentEvent } from '../spikes/incident-grouper';
import { SpikeDetector } from '../spikes/spike-detector';
import type { SpikeAlert, SpikeDetectorOptions } from '../spikes/spike-detector';

/** A stored mention as the floor reads it: with its database id and amplification, without its raw payload. */
export type FloorMention = AnalysisMention;

export interface FloorMentionResult {
  mentionId: string;
  verdict: NoiseVerdict;
  /** The issue it was filed under, once that issue is visible. */
  issueId?: string;
}

/** What one batch, or one tick of the clock, changed. */
export interface FloorChanges {
  mentions: FloorMentionResult[];
  alerts: SpikeAlert[];
  incidents: IncidentEvent[];
  issues: { updated: IssueSnapshot[]; closed: IssueSnapshot[] };
}

/** How often (of the mentions' clock) spikes are closed, incidents resolved and issues swept. */
const TICK_MS = 5_000;

/**
 * The understanding half of the pipeline, for mentions that must be seen together: near-duplicates
 * and reposts collapsed (noise), negative and risky new voices clustered into issues, new voices
 * counted per listening query and per issue against a seasonal baseline (spikes), alerts grouped
 * into incidents. Plain in-memory state, fed in arrival order by one consumer; time is the caller's
 * (the mentions' arrival), so a replay at any speed behaves as the day did.
 */
export class ListeningFloor {
  private readonly duplicates = new NearDuplicateIndex();
  private readonly clusterer: IssueClusterer;
  private readonly detector: SpikeDetector;
  private readonly grouper = new IncidentGrouper();
  private lastTick = 0;

  constructor(
    options: Pick<ListeningTerms, 'brandTerms'> & Partial<ListeningTerms> & { spikes?: Partial<SpikeDetectorOptions> },
  ) {
    this.clusterer = new IssueClusterer({ brandTerms: options.brandTerms, queryTerms: options.queryTerms ?? [] });
    this.detector = new SpikeDetector(options.spikes);
  }

  /** The listening queries changed: issues are matched and titled with their new terms from now on. */
  setListeningTerms(terms: ListeningTerms): void {
    this.clusterer.setListeningTerms(terms);
  }

  /**
   * A batch of stored mentions, in arrival order, received at `receivedAt` (epoch ms). What it
   * changes is added to `changes`, so a caller can gather several batches into one write.
   */
  take(batch: readonly FloorMention[], receivedAt: number, changes = emptyFloorChanges()): FloorChanges {
    // The stream carries no raw payloads; the amplification read from them travels instead.
    const mentions = batch.map((mention): ScoredMention & FloorMention => ({ ...mention, raw: null }));
    const verdicts = filterNoise(mentions, this.duplicates, receivedAt, (mention) => mention.amplification);
    batch.forEach((mention, position) => {
      const verdict = verdicts[position]!;
      const at = mention.ingestedAt;
      const result: FloorMentionResult = { mentionId: mention.id, verdict };
      const negative = mention.sentiment.label === 'negative' ? 1 : 0;
      const queries = mention.queryIds.map((id) => `query:${id}`);
      if (verdict.isNewVoice)
        for (const query of queries) this.file(changes, this.detector.record(query, at, 1, negative), []);
      const input = toIssueInput(mention, at, () => ({
        echo: !verdict.isNewVoice,
        reach: verdict.reach,
      }));
      const assignment = this.clusterer.assign(input);
      if (assignment?.visible === true) {
        result.issueId = assignment.issueId;
        const series = `issue:${assignment.issueId}`;
        // The voices the issue gathered before it was visible count towards its first spike.
        for (const earlier of assignment.backlog) {
          this.file(changes, this.detector.record(series, earlier.at, 1, earlier.negative ? 1 : 0), queries);
        }
        if (verdict.isNewVoice) this.file(changes, this.detector.record(series, at, 1, negative), queries);
      }
      changes.mentions.push(result);
      if (at - this.lastTick >= TICK_MS) this.tickInto(changes, at);
    });
    return changes;
  }

  /** The clock moved without mentions (a quiet night): spikes close, incidents resolve, issues close. */
  tick(now: number, changes = emptyFloorChanges()): FloorChanges {
    this.tickInto(changes, now);
    return changes;
  }

  acknowledge(incidentId: string, at: number, by: string): IncidentEvent | undefined {
    return this.grouper.acknowledge(incidentId, at, by);
  }

  snooze(incidentId: string, until: number, at: number): IncidentEvent | undefined {
    return this.grouper.snooze(incidentId, until, at);
  }

  /** Whether one of these queries, or this issue, is in a spike now: rules ask it of each mention. */
  isSpiking(queryIds: readonly string[], issueId: string | undefined): boolean {
    if (issueId !== undefined && this.detector.isOpen(`issue:${issueId}`)) return true;
    return queryIds.some((id) => this.detector.isOpen(`query:${id}`));
  }

  visibleIssues(now: number): IssueSnapshot[] {
    return this.clusterer.visibleIssues(now);
  }

  private tickInto(changes: FloorChanges, now: number): void {
    this.lastTick = now;
    for (const alert of this.detector.advance(now)) this.file(changes, alert, []);
    changes.incidents.push(...this.grouper.tick(now));
    const issues = this.clusterer.drainUpdates(now);
    for (const closed of issues.closed) this.detector.forget(`issue:${closed.id}`);
    changes.issues.updated.push(...issues.updated);
    changes.issues.closed.push(...issues.closed);
  }

  private file(changes: FloorChanges, alert: SpikeAlert | undefined, related: string[]): void {
    if (alert === undefined) return;
    changes.alerts.push(alert);
    const event = this.grouper.add(alert, related);
    if (event !== undefined) changes.incidents.push(event);
  }
}

export function emptyFloorChanges(): FloorChanges {
  return { mentions: [], alerts: [], incidents: [], issues: { updated: [], closed: [] } };
}
