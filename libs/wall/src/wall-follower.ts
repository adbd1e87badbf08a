import type { WallFrame, WallFramesResponse, WallSnapshotResponse, WallState } from '@watchfloor/contracts';
import { compareFrameIds, placeFrame } from './frame-order';
import { applyFrame, emptyWallState } from './wall-state';

/** Where a screen reads what it missed: the API's snapshot and frame log. */
export interface WallFeedSource {
  snapshot(): Promise<WallSnapshotResponse>;
  framesAfter(frameId: string): Promise<WallFramesResponse>;
}

/** Counts a screen can show (or a test can check) about its own feed. */
export interface FollowerStats {
  applied: number;
  /** Frames received twice (after a reconnect) and dropped. */
  repeats: number;
  /** Times a missing frame was noticed and fetched. */
  gaps: number;
  /** Times the log no longer reached back and the snapshot was taken instead. */
  resets: number;
}

/** Frames held while a catch-up is in flight; past this the screen takes a fresh snapshot. */
const MAX_HELD = 200;

/**
 * Keeps a screen's wall state in frame order: live frames are applied as they come, a repeat is
 * dropped, and a gap (a frame whose predecessor the screen never saw) is filled from the frame
 * log before anything after it is applied. Live frames that arrive meanwhile wait their turn.
 */
export class WallFollower {
  private current: WallState = emptyWallState();
  private held: WallFrame[] = [];
  private catchingUp: Promise<void> | null = null;
  readonly stats: FollowerStats = { applied: 0, repeats: 0, gaps: 0, resets: 0 };

  constructor(
    private readonly source: WallFeedSource,
    private readonly onChange: (state: WallState) => void,
  ) {}

  get state(): WallState {
    return this.current;
  }

  /** After (re)connecting: fetch what was missed, from the last frame applied (or a snapshot). */
  resume(): Promise<void> {
    return this.catchUp();
  }

  receive(frame: WallFrame): void {
    if (this.catchingUp !== null) {
      this.hold(frame);
      return;
    }
    switch (placeFrame(this.current.frameId, frame)) {
      case 'apply':
        this.apply([frame]);
        return;
      case 'repeat':
        this.stats.repeats++;
        return;
      case 'gap':
        this.stats.gaps++;
        this.hold(frame);
        // A failed fetch leaves the frame held; the next frame or reconnect tries again.
        this.catchUp().catch(() => undefined);
    }
  }

  /** Forgets everything shown: access ended. */
  clear(): void {
    this.current = emptyWallState();
    this.held = [];
    this.onChange(this.current);
  }

  private hold(frame: WallFrame): void {
    this.held.push(frame);
    if (this.held.length > MAX_HELD) this.held = this.held.slice(-MAX_HELD);
  }

  private catchUp(): Promise<void> {
    this.catchingUp ??= this.fetchMissed().then(
      () => {
        this.catchingUp = null;
        this.drainHeld();
      },
      (error: unknown) => {
        this.catchingUp = null;
        throw error;
      },
    );
    return this.catchingUp;
  }

  private async fetchMissed(): Promise<void> {
    const frameId = this.current.frameId;
    const missed = frameId === null ? ({ reset: true } as const) : await this.source.framesAfter(frameId);
    if (!missed.reset) {
      this.apply(missed.frames);
      return;
    }
    const snapshot = await this.source.snapshot();
    if (frameId !== null) this.stats.resets++;
    this.current = snapshot.state;
    this.apply(snapshot.frames);
  }

  /** Held frames in order: those now next are applied, repeats dropped; a gap left means another fetch. */
  private drainHeld(): void {
    const held = this.held.sort((a, b) => compareFrameIds(a.id, b.id));
    this.held = [];
    for (const frame of held) this.receive(frame);
  }

  private apply(frames: WallFrame[]): void {
    let state = this.current;
    for (const frame of frames) {
      if (placeFrame(state.frameId, frame) !== 'apply') continue;
      state = applyFrame(state, frame);
      this.stats.applied++;
    }
    this.current = state;
    this.onChange(state);
  }
}
