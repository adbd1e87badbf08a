import { setTimeout as sleep } from 'node:timers/promises';
import type { FloorChanges } from '@watchfloor/analysis';
import type { AnalysisEvent } from '@watchfloor/contracts';
import { ListeningFloor, emptyFloorChanges } from '@watchfloor/analysis';
import type { AnalysisStreamClient, LivePublisherClient, QueryChangesChannel } from '@watchfloor/messaging';
import type { AnalysisRepository, IssueCaseRepository, ListeningQueryRepository } from '@watchfloor/persistence';
import { RecentIds } from '@watchfloor/sources';
import type { FrameMention } from '@watchfloor/wall';
import type { WallFeed } from '../wall/wall-feed';
import { toAnalysisEvent } from './analysis-views';
import { ListeningTermsWatch } from './listening-terms';
import { emptyRoutedRound } from './triage-router';
import type { RoutedRound, TriageRouter } from './triage-router';

/** Stream entries (~200 mentions each) taken at a time: large enough to batch the writes, small enough to stay live. */
const ENTRIES_PER_READ = 20;
const READ_BLOCK_MS = 1_000;
/**
 * A round's writes are a handful of statements whatever its size, so rounds are spaced at least this
 * far apart: a round per stored batch would cost PostgreSQL a tenth of a core at 7,000 mentions/s.
 */
const MIN_ROUND_MS = 250;
/** The pause after a round that could not be stored (PostgreSQL or Redis away), before trying again. */
const RETRY_AFTER_MS = 2_000;
/** Mentions remembered to drop the ones a retried ingest batch hands on again. */
const REMEMBERED_MENTIONS = 200_000;

export interface AnalysisLoopDependencies {
  stream: AnalysisStreamClient;
  results: AnalysisRepository;
  queries: ListeningQueryRepository;
  /** Announces query changes: titles and matching pick up the new terms on the next round. */
  queryChanges: Pick<QueryChangesChannel, 'listen'>;
  live: LivePublisherClient;
  /** Escalation rules, run on each round's new voices. */
  router: TriageRouter;
  /** The wall's frames, folded from the same rounds. */
  wall: WallFeed;
  /** A spike incident on an issue raises it to P1: the wall turns to it until someone acknowledges. */
  issueCases: IssueCaseRepository;
  /** This consumer's name in the stream's group. */
  consumer: string;
  /** Entries a dead consumer left unacknowledged this long are taken over. */
  claimIdleMs: number;
  /** See `SpikeDetectorOptions.coldStartMs`. */
  coldStartMs: number;
  onError: (error: Error) => void;
}

/** A round the floor has concluded but that is not stored yet. */
interface Round {
  changes: FloorChanges;
  triage: RoutedRound;
  /** Set once the triage part is stored, so a retry of the rest does not count echoes twice. */
  triageSaved: boolean;
  entryIds: string[];
  /** The round's mentions, to show the ones flagged on the wall. */
  mentions: Map<string, FrameMention>;
}

/**
 * Runs the listening floor (noise, issues, spikes, incidents) on the analysis stream: read a round
 * of stored batches, let the floor conclude, apply what people asked for (acknowledge, snooze),
 * store and publish the conclusions, then acknowledge the round. A round that cannot be stored is
 * kept and stored again until it is (the floor has learned from it already, so it must not be read
 * twice); if this loop dies first, whoever runs next reads its entries again.
 */
export class AnalysisLoop {
  constructor(private readonly deps: AnalysisLoopDependencies) {}

  async run(stop: AbortSignal): Promise<void> {
    const terms = new ListeningTermsWatch(this.deps.queries);
    const stopListening = await this.deps.queryChanges.listen(() => terms.markChanged());
    try {
      const floor = new ListeningFloor({
        ...(await terms.read()),
        spikes: { coldStartMs: this.deps.coldStartMs },
      });
      await this.runRounds(floor, terms, stop);
    } finally {
      stopListening();
    }
  }

  private async runRounds(floor: ListeningFloor, terms: ListeningTermsWatch, stop: AbortSignal): Promise<void> {
    const { stream, consumer, claimIdleMs } = this.deps;
    const seen = new RecentIds(REMEMBERED_MENTIONS);
    await stream.ensureGroup();
    await this.deps.wall.start();
    let unsaved: Round | undefined;
    while (!stop.aborted) {
      const startedAt = Date.now();
      try {
        if (unsaved === undefined) {
          const entries = await stream.read(consumer, ENTRIES_PER_READ, READ_BLOCK_MS, claimIdleMs);
          await this.deps.router.refresh();
          const changedTerms = await terms.readIfChanged();
          if (changedTerms !== undefined) floor.setListeningTerms(changedTerms);
          const changes = emptyFloorChanges();
          const triage = emptyRoutedRound();
          const roundMentions = new Map<string, FrameMention>();
          for (const entry of entries) {
            const mentions = entry.mentions.filter((mention) => !seen.has(mention.id));
            for (const mention of mentions) {
              seen.add(mention.id);
              roundMentions.set(mention.id, mention);
            }
            this.deps.wall.take(entry.id, mentions);
            const first = changes.mentions.length;
            floor.take(mentions, Date.now(), changes);
            this.deps.router.route(mentions, changes.mentions.slice(first), floor, triage);
          }
          if (entries.length === 0) floor.tick(Date.now(), changes);
          unsaved = {
            changes,
            triage,
            triageSaved: false,
            entryIds: entries.map((entry) => entry.id),
            mentions: roundMentions,
          };
          await this.applyRequests(floor, changes);
        }
        await this.save(unsaved);
        await stream.acknowledge(unsaved.entryIds);
        await this.deps.wall.maybeCut(Date.now());
        const full = unsaved.entryIds.length === ENTRIES_PER_READ;
        unsaved = undefined;
        const early = MIN_ROUND_MS - (Date.now() - startedAt);
        if (!full && early > 0 && !stop.aborted) await sleep(early);
      } catch (error) {
        this.deps.onError(error as Error);
        if (!stop.aborted) await sleep(RETRY_AFTER_MS);
      }
    }
  }

  /** Acknowledgements and snoozes people asked for through the API since the last round. */
  private async applyRequests(floor: ListeningFloor, changes: FloorChanges): Promise<void> {
    for (const request of await this.deps.results.takeRequests()) {
      const at = Date.parse(request.requestedAt);
      const event =
        request.snoozeUntil === null
          ? floor.acknowledge(request.incidentId, at, request.requestedBy)
          : floor.snooze(request.incidentId, Date.parse(request.snoozeUntil), at);
      if (event !== undefined) changes.incidents.push(event);
    }
  }

  private async save(round: Round): Promise<void> {
    const { results, live, router } = this.deps;
    const { changes } = round;
    if (!round.triageSaved) {
      const items = await router.save(round.triage);
      round.triageSaved = true;
      if (items.length > 0) {
        live.publishTriageItems(items);
        this.deps.wall.addFlagged(items, round.mentions);
      }
    }
    const event = toAnalysisEvent(changes);
    const members = changes.mentions.flatMap((result) =>
      result.issueId === undefined ? [] : [{ issueId: result.issueId, mentionId: result.mentionId }],
    );
    // The latest state of each incident the round touched.
    const incidents = [...new Map(event.incidents.map((entry) => [entry.incident.id, entry.incident])).values()];
    await results.recordMentions(event.echoes, members);
    await results.saveIssues(event.issues);
    await results.closeIssues(event.closedIssues);
    await results.saveIncidents(incidents);
    await this.deps.issueCases.raiseToP1(issuesSpiking(event), 'a spike incident opened on it');
    if (event.echoes.length + event.issues.length + event.closedIssues.length + event.incidents.length > 0) {
      live.publishAnalysis(event);
    }
  }
}

/** The issues whose spike opened an incident this round. */
function issuesSpiking(event: AnalysisEvent): string[] {
  const ids = event.incidents
    .filter((entry) => entry.kind === 'opened')
    .flatMap((entry) => entry.incident.series)
    .flatMap((series) => (series.startsWith('issue:') ? [series.slice('issue:'.length)] : []));
  return [...new Set(ids)];
}
