import type { SourceKind } from './source-kinds';

/** A setting that names where a source connects, and so where its credentials are sent. */
interface EndpointSetting {
  setting: string;
  /** Used when the setting is absent. */
  defaultUrl?: string;
  /** The platform's official hosts; null where the admin names the host (a Mastodon instance). */
  officialHosts: readonly string[] | null;
  secure: 'https:' | 'wss:';
}

const X_API = {
  setting: 'apiUrl',
  defaultUrl: 'https://api.x.com',
  officialHosts: ['api.x.com', 'api.twitter.com'],
  secure: 'https:',
} as const;
const MASTODON_INSTANCE = { setting: 'instanceUrl', officialHosts: null, secure: 'https:' } as const;
const JETSTREAM_HOSTS = [
  'jetstream1.us-east.bsky.network',
  'jetstream2.us-east.bsky.network',
  'jetstream1.us-west.bsky.network',
  'jetstream2.us-west.bsky.network',
];

/**
 * Where each kind of source connects. Official hosts are pinned: a stored token must not be
 * sent wherever a settings change points. SOURCE_ENDPOINT_OVERRIDES names other origins
 * (a fake API in tests, a proxy), and only those may be plain http or ws.
 */
export const SOURCE_ENDPOINTS: Readonly<Record<SourceKind, readonly EndpointSetting[]>> = {
  'twitter-search': [X_API],
  'twitter-stream': [X_API],
  'mastodon-hashtag': [MASTODON_INSTANCE],
  'mastodon-search': [MASTODON_INSTANCE],
  'mastodon-notifications': [MASTODON_INSTANCE],
  'mastodon-public': [MASTODON_INSTANCE],
  'mastodon-stream': [MASTODON_INSTANCE, { setting: 'streamingUrl', officialHosts: null, secure: 'wss:' }],
  'bluesky-search': [
    {
      setting: 'appViewUrl',
      defaultUrl: 'https://public.api.bsky.app',
      officialHosts: ['public.api.bsky.app', 'api.bsky.app'],
      secure: 'https:',
    },
    { setting: 'serviceUrl', defaultUrl: 'https://bsky.social', officialHosts: ['bsky.social'], secure: 'https:' },
  ],
  'bluesky-jetstream': [
    {
      setting: 'jetstreamUrl',
      defaultUrl: 'wss://jetstream2.us-east.bsky.network',
      officialHosts: JETSTREAM_HOSTS,
      secure: 'wss:',
    },
  ],
  'reddit-search': [
    {
      setting: 'apiUrl',
      defaultUrl: 'https://oauth.reddit.com',
      officialHosts: ['oauth.reddit.com'],
      secure: 'https:',
    },
    {
      setting: 'authUrl',
      defaultUrl: 'https://www.reddit.com/api/v1/access_token',
      officialHosts: ['www.reddit.com'],
      secure: 'https:',
    },
  ],
  // A feed carries no credentials; where it may point is the egress guard's to decide.
  'rss-feed': [],
};

/** Origins (scheme, host, port) allowed as endpoints beyond the official ones: SOURCE_ENDPOINT_OVERRIDES. */
export interface EndpointPolicy {
  overrides: readonly string[];
}

export const OFFICIAL_ENDPOINTS_ONLY: EndpointPolicy = { overrides: [] };

/** Each endpoint setting that breaks the policy, with what to do: empty when all is well. */
export function endpointProblems(
  kind: SourceKind,
  settings: Record<string, unknown>,
  policy: EndpointPolicy,
): string[] {
  const problems: string[] = [];
  for (const endpoint of SOURCE_ENDPOINTS[kind]) {
    const value = settings[endpoint.setting];
    if (typeof value !== 'string') continue;
    const url = new URL(value);
    if (policy.overrides.includes(url.origin)) continue;
    const where = `settings.${endpoint.setting}`;
    if (url.protocol !== endpoint.secure) {
      problems.push(
        `${where}: must be a ${endpoint.secure}// URL (${url.origin} may be used only if SOURCE_ENDPOINT_OVERRIDES names it)`,
      );
    } else if (endpoint.officialHosts !== null && !endpoint.officialHosts.includes(url.hostname)) {
      problems.push(
        `${where}: ${url.hostname} is not an official host (${endpoint.officialHosts.join(', ')}): leave it out, or name ${url.origin} in SOURCE_ENDPOINT_OVERRIDES`,
      );
    }
  }
  return problems;
}

/**
 * The endpoint settings whose effective value differs between two versions of a source's
 * settings, as `setting: before → after`: its stored credentials must not follow them.
 */
export function changedEndpoints(
  kind: SourceKind,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return SOURCE_ENDPOINTS[kind].flatMap(({ setting, defaultUrl }) => {
    const from = effective(before[setting], defaultUrl);
    const to = effective(after[setting], defaultUrl);
    return from === to ? [] : [`${setting}: ${from ?? '(none)'} → ${to ?? '(none)'}`];
  });
}

function effective(value: unknown, defaultUrl: string | undefined): string | undefined {
  return typeof value === 'string' ? value.replace(/\/+$/, '') : defaultUrl;
}
