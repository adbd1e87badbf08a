import { freshnessOf } from './source-freshness';

const NOW = Date.parse('2026-12-05T10:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const healthy = { enabled: true, lastSuccessAt: ago(1), lastErrorAt: null, newestMentionAt: ago(2) };

describe('freshnessOf', () => {
  it.each([
    ['fresh', healthy],
    ['disabled', { ...healthy, enabled: false }],
    ['failing', { ...healthy, lastErrorAt: ago(0.5) }],
    ['fresh', { ...healthy, lastErrorAt: ago(5) }],
    ['stale', { ...healthy, lastSuccessAt: ago(11) }],
    ['stale', { ...healthy, lastSuccessAt: null, newestMentionAt: null }],
    ['quiet', { ...healthy, newestMentionAt: ago(31) }],
    ['quiet', { ...healthy, newestMentionAt: null }],
  ] as const)('%s: %j', (state, facts) => {
    expect(freshnessOf(facts, NOW)).toBe(state);
  });
});
