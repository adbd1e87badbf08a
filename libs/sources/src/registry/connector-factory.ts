import type { Poller, StreamConnector } from '../connectors/connector';
import { BlueskyJetstream, BlueskySearchPoller, BlueskySession } from '../connectors/bluesky';
import { MastodonPoller, MastodonStream } from '../connectors/mastodon';
import type { MastodonPollMode } from '../connectors/mastodon';
import { RedditAuth, RedditSearchPoller } from '../connectors/reddit';
import { RssFeedPoller } from '../connectors/rss-poller';
import { XFilteredStream, XSearchPoller, createXAppClient } from '../connectors/x';
import type { SourceDefinition } from './source-definition';
import type { SourceKind } from './source-kinds';

/** A source's kind cannot do what was asked of it (a feed does not stream), or lacks what it needs to. */
export class UnsupportedSourceOperationError extends Error {}

const setting = (definition: SourceDefinition, name: string): string | undefined => {
  const value = definition.settings[name];
  return typeof value === 'string' ? value : undefined;
};

function credential(definition: SourceDefinition, name: string): string {
  const value = definition.credentials?.[name];
  if (value === undefined) {
    throw new UnsupportedSourceOperationError(`source "${definition.name}" has no ${name} in its credentials`);
  }
  return value;
}

function xClientOptions(definition: SourceDefinition): { baseUrl?: string } {
  const baseUrl = setting(definition, 'apiUrl');
  return baseUrl === undefined ? {} : { baseUrl };
}

type Build<T> = (definition: SourceDefinition) => T;

/** Optional settings, passed on only when set, so each connector keeps its own defaults. */
function settingsOf<K extends string>(definition: SourceDefinition, ...names: K[]): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = setting(definition, name);
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** The Reddit app (and, for a "script" app, the brand's account) behind a source: for polling and replies. */
export function createRedditAuth(definition: SourceDefinition): RedditAuth {
  const { username, password } = definition.credentials ?? {};
  return new RedditAuth({
    clientId: credential(definition, 'clientId'),
    clientSecret: credential(definition, 'clientSecret'),
    ...(username !== undefined && { username }),
    ...(password !== undefined && { password }),
    ...settingsOf(definition, 'authUrl', 'apiUrl'),
  });
}

function mastodonPoller(mode: MastodonPollMode): Build<Poller> {
  return (definition) => {
    const accessToken = definition.credentials?.['accessToken'];
    return new MastodonPoller({
      instanceUrl: setting(definition, 'instanceUrl')!,
      source: definition.id,
      mode,
      ...(accessToken !== undefined && { accessToken }),
      ...(definition.settings['localOnly'] === true && { localOnly: true }),
    });
  };
}

/** The brand's Bluesky account behind a source: for searching signed in, and for replies. */
export function createBlueskySession(definition: SourceDefinition): BlueskySession {
  return new BlueskySession({
    identifier: credential(definition, 'identifier'),
    appPassword: credential(definition, 'appPassword'),
    ...settingsOf(definition, 'serviceUrl'),
  });
}

const POLLERS: Partial<Record<SourceKind, Build<Poller>>> = {
  'twitter-search': (definition) =>
    new XSearchPoller({
      client: createXAppClient(credential(definition, 'bearerToken'), xClientOptions(definition)),
      source: definition.id,
    }),
  'mastodon-hashtag': mastodonPoller('hashtag'),
  'mastodon-search': mastodonPoller('search'),
  'mastodon-notifications': mastodonPoller('notifications'),
  'mastodon-public': mastodonPoller('public'),
  'reddit-search': (definition) =>
    new RedditSearchPoller({
      auth: createRedditAuth(definition),
      source: definition.id,
      ...settingsOf(definition, 'subreddit'),
    }),
  'bluesky-search': (definition) =>
    new BlueskySearchPoller({
      source: definition.id,
      ...(definition.credentials !== null && { session: createBlueskySession(definition) }),
      ...settingsOf(definition, 'appViewUrl'),
    }),
  'rss-feed': (definition) => new RssFeedPoller({ feedUrl: setting(definition, 'feedUrl')!, source: definition.id }),
};

const STREAMS: Partial<Record<SourceKind, Build<StreamConnector>>> = {
  'mastodon-stream': (definition) => {
    const accessToken = definition.credentials?.['accessToken'];
    const stream = setting(definition, 'stream') as 'hashtag' | 'public' | 'public:local' | undefined;
    return new MastodonStream({
      instanceUrl: setting(definition, 'instanceUrl')!,
      source: definition.id,
      stream: stream ?? 'hashtag',
      ...(accessToken !== undefined && { accessToken }),
      ...settingsOf(definition, 'streamingUrl'),
    });
  },
  'bluesky-jetstream': (definition) =>
    new BlueskyJetstream({ source: definition.id, ...settingsOf(definition, 'jetstreamUrl') }),
  'twitter-stream': (definition) =>
    new XFilteredStream({
      client: createXAppClient(credential(definition, 'bearerToken'), xClientOptions(definition)),
      source: definition.id,
    }),
};

/** The poller behind a polled source, built from its settings and opened credentials. */
export function createPoller(definition: SourceDefinition): Poller {
  const build = POLLERS[definition.kind];
  if (build === undefined) throw new UnsupportedSourceOperationError(`${definition.kind} sources are not polled`);
  return build(definition);
}

/** The push connection behind a streaming source. */
export function createStreamConnector(definition: SourceDefinition): StreamConnector {
  const build = STREAMS[definition.kind];
  if (build === undefined) throw new UnsupportedSourceOperationError(`${definition.kind} sources do not stream`);
  return build(definition);
}
