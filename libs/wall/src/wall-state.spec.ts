import type { LiveMention, WallFrame, WallMinute } from '@watchfloor/contracts';
import { MINUTE_MS, TERMS_PER_MINUTE, emptyMinute } from './wall-minute';
import { INFLUENTIAL_KEPT, NEWEST_KEPT, WALL_MINUTES, applyFrame, emptyWallState } from './wall-state';

const T0 = Date.parse('2026-12-05T10:00:00Z');

function post(id: number, at: number, reach = 0): LiveMention & { reach: number } {
  return {
    id: String(id),
    platform: 'twitter',
    externalId: String(id),
    url: `https://x.com/a/status/${id}`,
    text: `post ${id}`,
    createdAt: new Date(at).toISOString(),
    author: { handle: 'a' },
    sentiment: { label: 'neutral', score: 0, confidence: 1 },
    queryIds: [],
    ingestedAt: at,
    reach,
  };
}

function minute(at: number, counts: Partial<WallMinute>): WallMinute {
  return { ...emptyMinute(at), ...counts };
}

function frame(index: number, at: number, parts: Partial<WallFrame> = {}): WallFrame {
  return {
    id: `${index}-0`,
    previousId: index === 1 ? null : `${index - 1}-0`,
    at,
    minutes: [],
    newest: [],
    flagged: [],
    influential: [],
    ...parts,
  };
}

describe('applyFrame', () => {
  it('adds counts minute by minute and merges terms within their bound', () => {
    const terms = (prefix: string) =>
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${prefix}${i}`, i + 1]));
    let state = applyFrame(
      emptyWallState(),
      frame(1, T0, { minutes: [minute(T0, { negative: 2, terms: terms('a') })] }),
    );
    state = applyFrame(
      state,
      frame(2, T0 + 1_000, { minutes: [minute(T0, { negative: 3, platforms: { reddit: 1 }, terms: terms('b') })] }),
    );
    expect(state.frameId).toBe('2-0');
    expect(state.minutes).toHaveLength(1);
    expect(state.minutes[0]).toMatchObject({ negative: 5, platforms: { reddit: 1 } });
    expect(Object.keys(state.minutes[0]!.terms)).toHaveLength(TERMS_PER_MINUTE);
    expect(state.minutes[0]!.terms['a29']).toBe(30);
  });

  it('stays bounded however long it runs: old minutes fall off, lists are cut', () => {
    let state = emptyWallState();
    for (let index = 1; index <= 3 * WALL_MINUTES; index++) {
      const at = T0 + index * MINUTE_MS;
      state = applyFrame(
        state,
        frame(index, at, {
          minutes: [minute(at, { neutral: 1 })],
          newest: [post(index * 2, at), post(index * 2 + 1, at)],
          influential: [post(index * 2, at, index)],
        }),
      );
    }
    expect(state.minutes).toHaveLength(WALL_MINUTES);
    expect(state.minutes[0]!.minute).toBe(T0 + (2 * WALL_MINUTES + 1) * MINUTE_MS);
    expect(state.newest).toHaveLength(NEWEST_KEPT);
    expect(state.influential).toHaveLength(INFLUENTIAL_KEPT);
    // The hour's highest reach: older posts left the window however high their reach.
    expect(state.influential[0]!.reach).toBe(3 * WALL_MINUTES);
  });

  it('keeps the last reading of a slow panel until a frame brings a newer one', () => {
    const sla = {
      asOf: T0,
      value: [{ teamId: 't', teamName: 'Care', open: 2, breached: 1, oldestWaitingSince: null }],
    };
    let state = applyFrame(emptyWallState(), frame(1, T0, { sla }));
    state = applyFrame(state, frame(2, T0 + 500));
    expect(state.sla).toEqual(sla);
    expect(state.crises).toBeNull();
  });
});
