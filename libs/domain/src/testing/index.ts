import type { Mention, ScoredMention } from '../mention';

export * from './hostile-input';

let sequence = 0;

/** A valid mention as a source would offer it; override what the test is about. */
export function aMention(overrides: Partial<Mention> = {}): Mention {
  sequence++;
  const externalId = overrides.externalId ?? `test-${process.pid}-${sequence}`;
  return {
    platform: 'twitter',
    externalId,
    source: 'test',
    url: `https://x.com/someone/status/${externalId}`,
    text: 'Flying with Skylark Air today',
    createdAt: '2026-11-23T10:00:00.000Z',
    author: { handle: 'someone', name: 'Some One', followers: 120 },
    lang: 'en',
    raw: { id: externalId },
    ...overrides,
  };
}

export function aScoredMention(overrides: Partial<ScoredMention> = {}): ScoredMention {
  return {
    ...aMention(overrides),
    sentiment: { label: 'neutral', score: 0, confidence: 0.6 },
    queryIds: [],
    ingestedAt: Date.parse('2026-11-23T10:00:01.000Z'),
    ...overrides,
  };
}
