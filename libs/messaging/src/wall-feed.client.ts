import type Redis from 'ioredis';
import type { WallFrame, WallFramesResponse, WallSnapshotResponse, WallState } from '@watchfloor/contracts';

/** Frames kept for screens that were away: 15 minutes at two frames a second. */
const FRAMES_KEPT = 1_800;
/** Frames answered at once; a screen further behind takes the snapshot instead. */
const FRAMES_PER_READ = 600;

/** A frame as the log stores it: the id is the entry's own. */
export type StoredFrameDraft = Omit<WallFrame, 'id'>;

/** The wall state the frame builder last wrote down, and the analysis stream entry it had covered. */
export interface WallCheckpoint {
  state: WallState;
  coveredUntil: string | null;
}

/**
 * The wall's frame log (a capped Redis Stream) and the builder's checkpoint. Screens resume from
 * the log after a drop or a restart of any process; the builder resumes from the checkpoint and
 * the frames after it, so a restart neither repeats nor skips a frame.
 */
export class WallFeedClient {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get framesKey(): string {
    return `${this.prefix}:wall:frames`;
  }

  private get checkpointKey(): string {
    return `${this.prefix}:wall:checkpoint`;
  }

  /** Adds a frame to the log; `coveredUntil` is the last analysis stream entry folded into it. */
  async append(draft: StoredFrameDraft, coveredUntil: string | null): Promise<WallFrame> {
    const id = await this.redis.xadd(
      this.framesKey,
      'MAXLEN',
      '~',
      FRAMES_KEPT,
      '*',
      'frame',
      JSON.stringify(draft),
      'covered',
      coveredUntil ?? '',
    );
    return { id: id!, ...draft };
  }

  /** The frames after `frameId` (all kept, with null), or `reset` if the log no longer reaches back to it. */
  async framesAfter(frameId: string | null): Promise<WallFramesResponse> {
    const raw = (await this.redis.xrange(
      this.framesKey,
      frameId === null ? '-' : `(${frameId}`,
      '+',
      'COUNT',
      FRAMES_PER_READ,
    )) as [string, string[]][];
    const frames = raw.map(parseFrame);
    const first = frames[0];
    if (first !== undefined && first.frame.previousId !== frameId) return { reset: true };
    if (first === undefined && frameId !== null && (await this.latestId()) !== frameId) return { reset: true };
    if (frames.length === FRAMES_PER_READ) return { reset: true };
    return { reset: false, frames: frames.map((entry) => entry.frame) };
  }

  /** The newest frame's id and what it covered, to carry on after it. */
  async latest(): Promise<{ frameId: string; coveredUntil: string | null } | null> {
    const [entry] = (await this.redis.xrevrange(this.framesKey, '+', '-', 'COUNT', 1)) as [string, string[]][];
    if (entry === undefined) return null;
    const { frame, coveredUntil } = parseFrame(entry);
    return { frameId: frame.id, coveredUntil };
  }

  async saveCheckpoint(checkpoint: WallCheckpoint): Promise<void> {
    await this.redis.set(this.checkpointKey, JSON.stringify(checkpoint));
  }

  async loadCheckpoint(): Promise<WallCheckpoint | null> {
    const json = await this.redis.get(this.checkpointKey);
    return json === null ? null : (JSON.parse(json) as WallCheckpoint);
  }

  /**
   * What a screen starts from: the last checkpoint and the frames since. Without a usable one (the
   * log was cut past it), null: the builder writes one every few seconds, so asking again soon works.
   */
  async snapshot(empty: WallState): Promise<WallSnapshotResponse | null> {
    const checkpoint = await this.loadCheckpoint();
    const state = checkpoint?.state ?? empty;
    const after = await this.framesAfter(state.frameId);
    return after.reset ? null : { state, frames: after.frames };
  }

  private async latestId(): Promise<string | null> {
    return (await this.latest())?.frameId ?? null;
  }
}

function parseFrame([id, fields]: [string, string[]]): { frame: WallFrame; coveredUntil: string | null } {
  const value = (name: string) => {
    const at = fields.indexOf(name);
    return at >= 0 ? fields[at + 1] : undefined;
  };
  const draft = JSON.parse(value('frame') ?? '{}') as StoredFrameDraft;
  const covered = value('covered');
  return { frame: { id, ...draft }, coveredUntil: covered === undefined || covered === '' ? null : covered };
}
