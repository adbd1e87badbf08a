import { planSchedules } from './schedule-plan';
import {
  SourceConfigError,
  effectivePollSeconds,
  validateSourceCredentials,
  validateSourceSettings,
} from './source-definition';
import { sourceStateOf } from './source-state';

describe('source kinds', () => {
  it('checks settings and credentials against the kind, naming each bad field', () => {
    expect(validateSourceSettings('mastodon-stream', { instanceUrl: 'https://mastodon.social/' })).toEqual({
      instanceUrl: 'https://mastodon.social',
      stream: 'hashtag',
    });
    expect(() => validateSourceSettings('rss-feed', { feedUrl: 'ftp://example.com/feed' })).toThrow(
      'settings.feedUrl: must be an http(s) URL',
    );
    expect(() => validateSourceSettings('rss-feed', { feedUrl: 'https://example.com', extra: 1 })).toThrow(
      SourceConfigError,
    );
    expect(() => validateSourceCredentials('twitter-search', null)).toThrow('X recent search needs credentials');
    expect(() => validateSourceCredentials('twitter-search', { bearerToken: '' })).toThrow(
      'credentials.bearerToken: must not be empty',
    );
    expect(() => validateSourceCredentials('rss-feed', { token: 'x' })).toThrow('takes no credentials');
    expect(validateSourceCredentials('mastodon-hashtag', undefined)).toBeNull();
  });

  it("slows polls so a source's queries together stay within its documented limit", () => {
    // X: 60 requests per 15 minutes; 10 queries with a fifth kept spare poll every 188 s.
    expect(effectivePollSeconds({ kind: 'twitter-search', pollSeconds: 60 }, 10)).toBe(188);
    expect(effectivePollSeconds({ kind: 'twitter-search', pollSeconds: 300 }, 10)).toBe(300);
  });
});

describe('schedule plan', () => {
  const sources = [
    { id: 'x', kind: 'twitter-search' as const, pollSeconds: 300, enabled: true },
    { id: 'feed', kind: 'rss-feed' as const, pollSeconds: 600, enabled: true },
    { id: 'jet', kind: 'bluesky-jetstream' as const, pollSeconds: 0, enabled: true },
    { id: 'off', kind: 'reddit-search' as const, pollSeconds: 120, enabled: false },
  ];

  it('polls searchable sources per query, feeds once, and streams once per source', () => {
    expect(planSchedules(sources, ['q1', 'q2'])).toEqual({
      polls: [
        { id: 'poll:x:q1', sourceId: 'x', queryId: 'q1', everyMs: 300_000 },
        { id: 'poll:x:q2', sourceId: 'x', queryId: 'q2', everyMs: 300_000 },
        { id: 'poll:feed:*', sourceId: 'feed', queryId: null, everyMs: 600_000 },
      ],
      streams: ['jet'],
    });
  });

  it('runs nothing without an enabled query: there is nothing to listen for', () => {
    expect(planSchedules(sources, [])).toEqual({ polls: [], streams: [] });
  });
});

describe('source state', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const healthy = {
    lastActivityAt: '2026-11-23T11:59:00Z',
    lastSuccessAt: '2026-11-23T11:59:00Z',
    lastErrorAt: null,
    blockedUntil: null,
    streamConnected: null,
    warnings: [],
  };
  const poll = { kind: 'reddit-search' as const, enabled: true, pollSeconds: 120 };

  it('says what is wrong, so silence is never read as calm', () => {
    expect(sourceStateOf(poll, healthy, now)).toBe('ok');
    expect(sourceStateOf({ ...poll, enabled: false }, healthy, now)).toBe('disabled');
    expect(sourceStateOf(poll, null, now)).toBe('never-run');
    expect(sourceStateOf(poll, { ...healthy, lastErrorAt: '2026-11-23T11:59:30Z' }, now)).toBe('error');
    expect(sourceStateOf(poll, { ...healthy, blockedUntil: '2026-11-23T12:10:00Z' }, now)).toBe('rate-limited');
    expect(sourceStateOf(poll, { ...healthy, lastSuccessAt: '2026-11-23T11:40:00Z' }, now)).toBe('stale');
    expect(sourceStateOf(poll, { ...healthy, warnings: [{}] }, now)).toBe('warning');
    const stream = { kind: 'bluesky-jetstream' as const, enabled: true, pollSeconds: 0 };
    expect(sourceStateOf(stream, { ...healthy, streamConnected: false }, now)).toBe('stale');
    expect(sourceStateOf(stream, { ...healthy, streamConnected: true }, now)).toBe('ok');
  });
});
