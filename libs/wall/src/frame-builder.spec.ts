import { aScoredMention } from '@watchfloor/domain/testing';
import type { SentimentLabel } from '@watchfloor/domain';
import { NEWEST_PER_FRAME, TERM_SAMPLE_PER_FRAME, WallFrameBuilder } from './frame-builder';
import type { FrameMention } from './frame-builder';

const MINUTE = 60_000;
const T0 = Date.parse('2026-12-05T10:00:00Z');

let nextId = 1;
function mention(overrides: Partial<FrameMention> & { label?: SentimentLabel } = {}): FrameMention {
  const { label = 'neutral', ...rest } = overrides;
  const { raw: _raw, ...scored } = aScoredMention({
    sentiment: { label, score: label === 'negative' ? -0.5 : label === 'positive' ? 0.5 : 0, confidence: 0.9 },
    ingestedAt: T0,
    ...rest,
  });
  return { ...scored, id: String(nextId++) };
}

const builder = () =>
  new WallFrameBuilder({
    reachOf: (m) => m.author.followers ?? 0,
    termsOf: (text) => text.toLowerCase().split(/\s+/),
  });

describe('WallFrameBuilder', () => {
  it('counts mentions into their minute by sentiment, platform, query and place', () => {
    const frames = builder();
    frames.take([
      mention({ label: 'negative', platform: 'twitter', queryIds: ['brand'], place: { lat: 38.72, lon: -9.14 } }),
      mention({ label: 'positive', platform: 'reddit', queryIds: ['brand', 'rival'] }),
      mention({ label: 'unsupported', platform: 'twitter', queryIds: ['rival'], ingestedAt: T0 + MINUTE + 5 }),
    ]);
    const frame = frames.cut(null, T0 + MINUTE + 10, {});
    expect(frame.minutes).toHaveLength(2);
    const [first, second] = frame.minutes;
    expect(first).toMatchObject({ minute: T0, negative: 1, positive: 1, neutral: 0, unsupported: 0, scoreSum: 0 });
    expect(first!.platforms).toEqual({ twitter: 1, reddit: 1 });
    expect(first!.queries).toEqual({ brand: 2, rival: 1 });
    expect(first!.places).toEqual({ '39,-9': [1, 1] });
    expect(second).toMatchObject({ minute: T0 + MINUTE, unsupported: 1, scoreSum: 0 });
  });

  it('keeps only the newest posts and the highest reach of a burst, and starts empty after a cut', () => {
    const frames = builder();
    const burst = Array.from({ length: 500 }, (_, index) =>
      mention({ ingestedAt: T0 + index, author: { handle: `a${index}`, followers: index } }),
    );
    frames.take(burst);
    const frame = frames.cut('1-0', T0 + 1_000, {});
    expect(frame.previousId).toBe('1-0');
    expect(frame.newest).toHaveLength(NEWEST_PER_FRAME);
    expect(frame.newest[0]!.ingestedAt).toBe(T0 + 499);
    expect(frame.newest.map((post) => post.ingestedAt)).toEqual(
      [...frame.newest.map((post) => post.ingestedAt)].sort((a, b) => b - a),
    );
    expect(frame.influential.map((post) => post.reach)).toEqual([499, 498, 497, 496, 495]);
    expect(frames.hasNews).toBe(false);
    expect(frames.cut('2-0', T0 + 2_000, {}).minutes).toEqual([]);
  });

  it('scales term counts up from a sample past the per-frame budget', () => {
    const frames = builder();
    const total = TERM_SAMPLE_PER_FRAME * 4;
    frames.take(Array.from({ length: total }, () => mention({ text: 'refund' })));
    const [minute] = frames.cut(null, T0 + 1_000, {}).minutes;
    expect(minute!.terms['refund']).toBe(total);
  });

  it('shows no raw payload or metrics of a post', () => {
    const frames = builder();
    frames.take([mention({ metrics: { likes: 3 } })]);
    const [post] = frames.cut(null, T0, {}).newest;
    expect(post).not.toHaveProperty('raw');
    expect(post).not.toHaveProperty('metrics');
  });
});
