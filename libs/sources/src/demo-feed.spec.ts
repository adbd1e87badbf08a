import { validateMention } from '@watchfloor/domain';
import { DemoFeed } from './demo-feed';

describe('DemoFeed', () => {
  const sample = (() => {
    const feed = new DemoFeed(7);
    return Array.from({ length: 2_000 }, () => feed.next());
  })();

  it('produces only mentions the pipeline accepts', () => {
    const rejected = sample.map(validateMention).filter((result) => !result.ok);
    expect(rejected).toEqual([]);
  });

  it('never repeats an id', () => {
    expect(
      new Set(sample.map((mention) => `${String(mention['platform'])}:${String(mention['externalId'])}`)).size,
    ).toBe(sample.length);
  });

  it('spreads mentions over several platforms and a long tail of reach', () => {
    const platforms = new Set(sample.map((mention) => mention['platform']));
    expect(platforms.size).toBe(5);
    const followers = sample.map((mention) => (mention['author'] as { followers: number }).followers);
    expect(Math.min(...followers)).toBeLessThan(1_000);
    expect(Math.max(...followers)).toBeGreaterThan(100_000);
  });

  it('is reproducible from its seed', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const [first, second] = [new DemoFeed(7), new DemoFeed(7)];
    const run = (feed: DemoFeed) => Array.from({ length: 50 }, () => feed.next(now));
    expect(run(first)).toEqual(run(second));
  });
});
