import type { LiveMention } from '@watchfloor/contracts';
import { STREAM_LENGTH, emptyWall, loadSnapshot, mentionsPerMinute, receiveMentions } from './mention-stream';

const NOW = Date.parse('2026-11-23T10:30:30.000Z');
let id = 0;
function aLiveMention(overrides: Partial<LiveMention> = {}): LiveMention {
  id++;
  return {
    id: String(id),
    platform: 'twitter',
    externalId: `x${id}`,
    url: `https://x.com/a/status/${id}`,
    text: 'hello',
    createdAt: new Date(NOW).toISOString(),
    author: { handle: 'a' },
    sentiment: { label: 'neutral', score: 0, confidence: 0.6 },
    queryIds: [],
    ingestedAt: NOW,
    ...overrides,
  };
}

describe('wall store', () => {
  it('shows the newest first and never holds more than the stream length', () => {
    let state = emptyWall();
    const mentions = Array.from({ length: STREAM_LENGTH + 10 }, () => aLiveMention());
    state = receiveMentions(state, mentions, NOW);
    expect(state.mentions).toHaveLength(STREAM_LENGTH);
    expect(state.mentions[0]!.id).toBe(mentions[mentions.length - 1]!.id);
  });

  it('ignores a mention delivered twice', () => {
    const mention = aLiveMention({ sentiment: { label: 'negative', score: -0.5, confidence: 0.9 } });
    let state = receiveMentions(emptyWall(), [mention], NOW);
    state = receiveMentions(state, [mention], NOW);
    expect(state.mentions).toHaveLength(1);
    const minute = state.minutes[state.minutes.length - 1]!;
    expect(minute.negative).toBe(1);
  });

  it('counts live mentions into their minute, and not those the snapshot already counted', () => {
    const snapshotAt = NOW - 10_000;
    let state = loadSnapshot(
      emptyWall(),
      [],
      [{ minute: '2026-11-23T10:30:00.000Z', positive: 5, neutral: 0, negative: 0, unsupported: 0, meanScore: 0.5 }],
      snapshotAt,
    );
    state = receiveMentions(
      state,
      [aLiveMention({ ingestedAt: snapshotAt - 1 }), aLiveMention({ ingestedAt: NOW })],
      NOW,
    );
    const current = state.minutes.find((entry) => entry.minute === Date.parse('2026-11-23T10:30:00.000Z'))!;
    expect(current.positive + current.neutral + current.negative).toBe(6);
    expect(state.minutes).toHaveLength(15);
  });

  it('merges the mentions missed while disconnected into the stream, in order', () => {
    const seen = aLiveMention({ ingestedAt: NOW - 5_000 });
    let state = receiveMentions(emptyWall(), [seen], NOW);
    const missed = aLiveMention({ ingestedAt: NOW - 1_000 });
    state = loadSnapshot(state, [missed, seen], [], NOW);
    expect(state.mentions.map((mention) => mention.id)).toEqual([missed.id, seen.id]);
    state = receiveMentions(state, [missed], NOW);
    expect(state.mentions).toHaveLength(2);
  });

  it('estimates mentions per minute over a sliding window', () => {
    const state = loadSnapshot(
      emptyWall(),
      [],
      [
        { minute: '2026-11-23T10:29:00.000Z', positive: 100, neutral: 0, negative: 0, unsupported: 0, meanScore: 0 },
        { minute: '2026-11-23T10:30:00.000Z', positive: 40, neutral: 0, negative: 0, unsupported: 0, meanScore: 0 },
      ],
      NOW,
    );
    // Half of the previous minute still lies within the last 60 seconds.
    expect(mentionsPerMinute(state, NOW)).toBe(90);
  });
});
