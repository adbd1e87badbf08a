import { SOURCE_KINDS, SOURCE_KIND_SPECS } from './source-kinds';
import type { SourceKind } from './source-kinds';
import { UnsupportedSourceOperationError, createPoller, createStreamConnector } from './connector-factory';
import type { SourceDefinition } from './source-definition';

const SAMPLES: Record<SourceKind, Pick<SourceDefinition, 'settings' | 'credentials'>> = {
  'twitter-search': { settings: {}, credentials: { bearerToken: 'b' } },
  'twitter-stream': { settings: {}, credentials: { bearerToken: 'b' } },
  'mastodon-hashtag': { settings: { instanceUrl: 'https://mastodon.social' }, credentials: null },
  'mastodon-search': { settings: { instanceUrl: 'https://mastodon.social' }, credentials: { accessToken: 't' } },
  'mastodon-notifications': { settings: { instanceUrl: 'https://mastodon.social' }, credentials: { accessToken: 't' } },
  'mastodon-public': { settings: { instanceUrl: 'https://mastodon.social', localOnly: true }, credentials: null },
  'mastodon-stream': { settings: { instanceUrl: 'https://mastodon.social', stream: 'public' }, credentials: null },
  'bluesky-search': { settings: {}, credentials: { identifier: 'brand.bsky.social', appPassword: 'p' } },
  'bluesky-jetstream': { settings: { jetstreamUrl: 'wss://jetstream.example' }, credentials: null },
  'reddit-search': { settings: {}, credentials: { clientId: 'c', clientSecret: 's', username: 'u', password: 'p' } },
  'rss-feed': { settings: { feedUrl: 'https://example.com/feed.xml' }, credentials: null },
};

const definition = (kind: SourceKind, sample = SAMPLES[kind]): SourceDefinition => ({
  id: `source-${kind}`,
  name: kind,
  kind,
  ...sample,
  pollSeconds: 60,
  monthlyReadBudget: null,
  enabled: true,
  version: 1,
});

describe('connector factory', () => {
  it.each(SOURCE_KINDS)('builds %s the way its kind runs', (kind) => {
    const spec = SOURCE_KIND_SPECS[kind];
    if (spec.run === 'poll') {
      expect(createPoller(definition(kind))).toHaveProperty('poll');
      expect(() => createStreamConnector(definition(kind))).toThrow(UnsupportedSourceOperationError);
    } else {
      expect(createStreamConnector(definition(kind))).toHaveProperty('run');
      expect(() => createPoller(definition(kind))).toThrow(UnsupportedSourceOperationError);
    }
  });
});
