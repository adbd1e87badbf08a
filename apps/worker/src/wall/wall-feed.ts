import type { TriageItemView, WallFlaggedItem, WallState } from '@watchfloor/contracts';
import type { LivePublisherClient, WallFeedClient } from '@watchfloor/messaging';
import { toLiveMention } from '@watchfloor/contracts';
import { WallFrameBuilder, applyFrame, compareFrameIds, emptyWallState } from '@watchfloor/wall';
import type { FrameMention, WallFrameBuilderOptions } from '@watchfloor/wall';
import type { SlowPanels } from './slow-panels';

/** Two frames a second: smooth on a wall, and the cost of a screen stays flat at any mention rate. */
const FRAME_MS = 500;
/** With nothing new, a frame still goes out this often: screens tell a quiet floor from a dead feed. */
const HEARTBEAT_MS = 5_000;
/** The checkpoint is written every this many frames; a restart replays at most these from the log. */
const FRAMES_PER_CHECKPOINT = 10;

export interface WallFeedDependencies {
  frames: WallFeedClient;
  live: LivePublisherClient;
  slowPanels: SlowPanels;
  builder: WallFrameBuilderOptions;
  onError: (error: Error) => void;
}

/**
 * Folds what the analysis loop reads into wall frames: appends each to the frame log, sends it to
 * the screens, and keeps the state a screen would hold, written down every few seconds. Stream
 * entries a previous run already framed (re-read after it died) are skipped, so none counts twice.
 */
export class WallFeed {
  private readonly builder: WallFrameBuilder;
  private state: WallState = emptyWallState();
  private coveredUntil: string | null = null;
  private takenUntil: string | null = null;
  private lastCutAt = 0;
  private sinceCheckpoint = 0;

  constructor(private readonly deps: WallFeedDependencies) {
    this.builder = new WallFrameBuilder(deps.builder);
  }

  /** Picks up where the last run left off: its checkpoint and the frames it logged after it. */
  async start(): Promise<void> {
    const checkpoint = await this.deps.frames.loadCheckpoint();
    let state = checkpoint?.state ?? emptyWallState();
    let coveredUntil = checkpoint?.coveredUntil ?? null;
    const after = await this.deps.frames.framesAfter(state.frameId);
    if (after.reset) {
      // The log no longer reaches the checkpoint: carry on after its newest frame, counts from there.
      const latest = await this.deps.frames.latest();
      state = { ...emptyWallState(), frameId: latest?.frameId ?? null };
      coveredUntil = latest?.coveredUntil ?? coveredUntil;
    } else {
      for (const frame of after.frames) state = applyFrame(state, frame);
      const latest = after.frames.length > 0 ? await this.deps.frames.latest() : null;
      coveredUntil = latest?.coveredUntil ?? coveredUntil;
    }
    this.state = state;
    this.coveredUntil = coveredUntil;
    this.takenUntil = coveredUntil;
    await this.deps.frames.saveCheckpoint({ state, coveredUntil });
  }

  /** One analysis stream entry's mentions, unless an earlier run framed that entry already. */
  take(entryId: string, mentions: readonly FrameMention[]): void {
    if (this.coveredUntil !== null && compareFrameIds(entryId, this.coveredUntil) <= 0) return;
    this.builder.take(mentions);
    if (this.takenUntil === null || compareFrameIds(entryId, this.takenUntil) > 0) this.takenUntil = entryId;
  }

  /** Newly flagged items, shown with the mention as the round read it. */
  addFlagged(items: readonly TriageItemView[], mentions: ReadonlyMap<string, FrameMention>): void {
    const flagged: WallFlaggedItem[] = items.flatMap((item) => {
      const mention = mentions.get(item.mention.id);
      if (mention === undefined) return [];
      return [
        {
          itemId: item.id,
          priority: item.priority,
          teamName: item.teamName,
          flaggedAt: item.createdAt,
          ruleName: item.rule.name,
          mention: toLiveMention(mention),
        },
      ];
    });
    this.builder.addFlagged(flagged);
  }

  /**
   * Cuts, logs and sends a frame when one is due. The wall is a view: a frame that cannot be logged
   * is reported and dropped (its counts with it) rather than holding analysis up.
   */
  async maybeCut(now: number): Promise<void> {
    await this.cut(now).catch((error: Error) => this.deps.onError(error));
  }

  private async cut(now: number): Promise<void> {
    const elapsed = now - this.lastCutAt;
    if (elapsed < FRAME_MS) return;
    const slow = this.deps.slowPanels.collect(now);
    if (!this.builder.hasNews && Object.keys(slow).length === 0 && elapsed < HEARTBEAT_MS) return;
    const draft = this.builder.cut(this.state.frameId, now, slow);
    const frame = await this.deps.frames.append(draft, this.takenUntil);
    this.lastCutAt = now;
    this.coveredUntil = this.takenUntil;
    this.state = applyFrame(this.state, frame);
    this.deps.live.publishWallFrame(frame);
    if (++this.sinceCheckpoint >= FRAMES_PER_CHECKPOINT) {
      this.sinceCheckpoint = 0;
      await this.deps.frames.saveCheckpoint({ state: this.state, coveredUntil: this.coveredUntil });
    }
  }
}
