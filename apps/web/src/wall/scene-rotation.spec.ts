import { pinnedScene, scenePosition } from './scene-rotation';

const SINCE = 1_800_000_000_000;

describe('scene rotation', () => {
  it('shows each scene for its own duration, in turn, round and round', () => {
    const durations = [60, 30, 30];
    expect(scenePosition(durations, SINCE, SINCE)).toEqual({ index: 0, startedAt: SINCE, endsAt: SINCE + 60_000 });
    expect(scenePosition(durations, SINCE, SINCE + 59_999).index).toBe(0);
    expect(scenePosition(durations, SINCE, SINCE + 60_000)).toEqual({
      index: 1,
      startedAt: SINCE + 60_000,
      endsAt: SINCE + 90_000,
    });
    expect(scenePosition(durations, SINCE, SINCE + 100_000).index).toBe(2);
    expect(scenePosition(durations, SINCE, SINCE + 120_000 + 61_000)).toEqual({
      index: 1,
      startedAt: SINCE + 180_000,
      endsAt: SINCE + 210_000,
    });
  });

  it('never rotates a single scene', () => {
    expect(scenePosition([30], SINCE, SINCE + 1_000_000)).toEqual({ index: 0, startedAt: SINCE, endsAt: Infinity });
  });

  it('pins only a scene the layout has', () => {
    expect(pinnedScene('2', 3)).toBe(2);
    expect(pinnedScene('3', 3)).toBeNull();
    expect(pinnedScene('-1', 3)).toBeNull();
    expect(pinnedScene('one', 3)).toBeNull();
    expect(pinnedScene(null, 3)).toBeNull();
  });
});
