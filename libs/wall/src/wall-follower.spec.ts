import type { WallFrame, WallFramesResponse, WallSnapshotResponse } from '@watchfloor/contracts';
import { emptyMinute } from './wall-minute';
import { WallFollower } from './wall-follower';
import { applyFrame, emptyWallState } from './wall-state';

const T0 = Date.parse('2026-12-05T10:00:00Z');

/** A frame log of `count` frames, one mention each. */
function log(count: number): WallFrame[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${T0 + index}-0`,
    previousId: index === 0 ? null : `${T0 + index - 1}-0`,
    at: T0 + index,
    minutes: [{ ...emptyMinute(T0), neutral: 1 }],
    newest: [],
    flagged: [],
    influential: [],
  }));
}

function source(frames: WallFrame[], kept = frames.length) {
  const calls: string[] = [];
  return {
    calls,
    snapshot: (): Promise<WallSnapshotResponse> => {
      calls.push('snapshot');
      const checkpoint = frames.length - kept;
      let state = emptyWallState();
      for (const frame of frames.slice(0, checkpoint)) state = applyFrame(state, frame);
      return Promise.resolve({ state, frames: frames.slice(checkpoint) });
    },
    framesAfter: (frameId: string): Promise<WallFramesResponse> => {
      calls.push(`after ${frameId}`);
      const at = frames.findIndex((frame) => frame.id === frameId);
      if (at < frames.length - kept - 1) return Promise.resolve({ reset: true });
      return Promise.resolve({ reset: false, frames: frames.slice(at + 1) });
    },
  };
}

const shown = (follower: WallFollower) => follower.state.minutes.reduce((sum, minute) => sum + minute.neutral, 0);

describe('WallFollower', () => {
  it('starts from the snapshot, then applies live frames in order and drops repeats', async () => {
    const frames = log(6);
    const follower = new WallFollower(source(frames.slice(0, 4)), () => undefined);
    await follower.resume();
    expect(shown(follower)).toBe(4);
    follower.receive(frames[3]!);
    follower.receive(frames[4]!);
    follower.receive(frames[4]!);
    follower.receive(frames[5]!);
    expect(shown(follower)).toBe(6);
    expect(follower.stats).toMatchObject({ repeats: 2, gaps: 0, resets: 0 });
  });

  it('fills a gap from the log before applying what came after it', async () => {
    const frames = log(10);
    const feed = source(frames);
    const follower = new WallFollower(feed, () => undefined);
    follower.receive(frames[0]!);
    follower.receive(frames[6]!);
    follower.receive(frames[7]!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(feed.calls).toEqual([`after ${frames[0]!.id}`]);
    expect(shown(follower)).toBe(10);
    expect(follower.state.frameId).toBe(frames[9]!.id);
    expect(follower.stats.gaps).toBe(1);
  });

  it('resumes after a reconnect from the last frame it applied, without repeating any', async () => {
    const frames = log(8);
    const follower = new WallFollower(source(frames), () => undefined);
    for (const frame of frames.slice(0, 3)) follower.receive(frame);
    await follower.resume();
    expect(shown(follower)).toBe(8);
    expect(follower.stats.resets).toBe(0);
  });

  it('takes the snapshot when the log no longer reaches back to its last frame', async () => {
    const frames = log(20);
    const feed = source(frames, 5);
    const follower = new WallFollower(feed, () => undefined);
    follower.receive(frames[0]!);
    await follower.resume();
    expect(feed.calls).toEqual([`after ${frames[0]!.id}`, 'snapshot']);
    expect(shown(follower)).toBe(20);
    expect(follower.stats.resets).toBe(1);
  });

  it('keeps a frame it could not place when the log cannot be read, and tries again later', async () => {
    const frames = log(4);
    let down = true;
    const feed = source(frames);
    const follower = new WallFollower(
      {
        snapshot: feed.snapshot,
        framesAfter: (id) => (down ? Promise.reject(new Error('API away')) : feed.framesAfter(id)),
      },
      () => undefined,
    );
    follower.receive(frames[0]!);
    follower.receive(frames[3]!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(shown(follower)).toBe(1);
    down = false;
    await follower.resume();
    expect(shown(follower)).toBe(4);
  });
});
