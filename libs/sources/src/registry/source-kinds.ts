import { z } from 'zod';
import type { Platform } from '@watchfloor/domain';

/** Stored as text: never rename a value. */
export const SOURCE_KINDS = [
  'twitter-search',
  'twitter-stream',
  'mastodon-hashtag',
  'mastodon-search',
  'mastodon-notifications',
  'mastodon-public',
  'mastodon-stream',
  'bluesky-search',
  'bluesky-jetstream',
  'reddit-search',
  'rss-feed',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface RequestLimit {
  requests: number;
  perSeconds: number;
}

export interface SourceKindSpec {
  platform: Platform;
  label: string;
  /** `query`: one poll per saved query; `source`: one poll or stream for all queries, filtered locally. */
  scope: 'query' | 'source';
  run: 'poll' | 'stream';
  settings: z.ZodType<Record<string, unknown>>;
  /** Null where the source needs none; credentials are sealed at rest and never leave the server. */
  credentials: z.ZodType<Record<string, string>> | null;
  credentialsRequired: boolean;
  /** The platform's documented limit per credential (or per client address for public APIs). */
  requestLimit: RequestLimit;
  defaultPollSeconds: number;
  /** Paid APIs bill by the post read: such sources get a monthly budget by default. */
  defaultMonthlyReadBudget: number | null;
}

const httpUrl = z
  .string()
  .trim()
  .max(2_048)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));
const webSocketUrl = z
  .string()
  .trim()
  .max(2_048)
  .refine((value) => URL.canParse(value) && /^wss?:$/.test(new URL(value).protocol), 'must be a ws(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));
const secret = z.string().trim().min(1, 'must not be empty').max(4_096);

/** OAuth 1.0a user context of the brand's account: the app's consumer keys and the account's tokens. */
export const X_OAUTH1_USER_FIELDS = ['appKey', 'appSecret', 'accessToken', 'accessSecret'] as const;

const xCredentials = z
  .object({
    bearerToken: secret,
    /**
     * OAuth 2.0 user-context token of the brand's account, to reply. X expires it after two hours
     * and nothing here refreshes it: the OAuth 1.0a user tokens below do not expire.
     */
    userAccessToken: secret.optional(),
    appKey: secret.optional(),
    appSecret: secret.optional(),
    accessToken: secret.optional(),
    accessSecret: secret.optional(),
  })
  .strict()
  .superRefine((credentials, context) => {
    // One of four is a typo or a half-pasted set: said now rather than on the first reply.
    const given = X_OAUTH1_USER_FIELDS.filter((field) => credentials[field] !== undefined);
    if (given.length === 0 || given.length === X_OAUTH1_USER_FIELDS.length) return;
    for (const field of X_OAUTH1_USER_FIELDS.filter((name) => credentials[name] === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [field],
        message: 'OAuth 1.0a user tokens come as four: appKey, appSecret, accessToken and accessSecret',
      });
    }
  });
const mastodonToken = z.object({ accessToken: secret }).strict();
const instance = { instanceUrl: httpUrl };

/**
 * Every kind of source: what it listens to, its settings and credentials, and the platform's
 * documented limits (X: 60 recent-search requests per 15 minutes on Basic, and 10,000 posts read a
 * month; Mastodon: 300 requests per 5 minutes; Bluesky AppView: 3,000 per 5 minutes; Reddit:
 * 100 queries per minute per OAuth client).
 */
export const SOURCE_KIND_SPECS: Readonly<Record<SourceKind, SourceKindSpec>> = {
  'twitter-search': {
    platform: 'twitter',
    label: 'X recent search',
    scope: 'query',
    run: 'poll',
    settings: z.object({ apiUrl: httpUrl.optional() }).strict(),
    credentials: xCredentials,
    credentialsRequired: true,
    requestLimit: { requests: 60, perSeconds: 900 },
    defaultPollSeconds: 300,
    defaultMonthlyReadBudget: 10_000,
  },
  'twitter-stream': {
    platform: 'twitter',
    label: 'X filtered stream',
    scope: 'source',
    run: 'stream',
    settings: z.object({ apiUrl: httpUrl.optional() }).strict(),
    credentials: xCredentials,
    credentialsRequired: true,
    // Connection attempts: X allows 50 per 15 minutes.
    requestLimit: { requests: 50, perSeconds: 900 },
    defaultPollSeconds: 0,
    defaultMonthlyReadBudget: 10_000,
  },
  'mastodon-hashtag': {
    platform: 'mastodon',
    label: 'Mastodon hashtag timelines',
    scope: 'query',
    run: 'poll',
    settings: z.object(instance).strict(),
    credentials: mastodonToken,
    credentialsRequired: false,
    requestLimit: { requests: 300, perSeconds: 300 },
    defaultPollSeconds: 60,
    defaultMonthlyReadBudget: null,
  },
  'mastodon-search': {
    platform: 'mastodon',
    label: 'Mastodon search',
    scope: 'query',
    run: 'poll',
    settings: z.object(instance).strict(),
    credentials: mastodonToken,
    credentialsRequired: true,
    requestLimit: { requests: 300, perSeconds: 300 },
    defaultPollSeconds: 120,
    defaultMonthlyReadBudget: null,
  },
  'mastodon-notifications': {
    platform: 'mastodon',
    label: "Mastodon mentions of the brand's account",
    scope: 'source',
    run: 'poll',
    settings: z.object(instance).strict(),
    credentials: mastodonToken,
    credentialsRequired: true,
    requestLimit: { requests: 300, perSeconds: 300 },
    defaultPollSeconds: 60,
    defaultMonthlyReadBudget: null,
  },
  'mastodon-public': {
    platform: 'mastodon',
    label: 'Mastodon public timeline',
    scope: 'source',
    run: 'poll',
    settings: z.object({ ...instance, localOnly: z.boolean().default(false) }).strict(),
    credentials: mastodonToken,
    credentialsRequired: false,
    requestLimit: { requests: 300, perSeconds: 300 },
    defaultPollSeconds: 60,
    defaultMonthlyReadBudget: null,
  },
  'mastodon-stream': {
    platform: 'mastodon',
    label: 'Mastodon streaming (hashtags or public timeline)',
    scope: 'source',
    run: 'stream',
    settings: z
      .object({
        ...instance,
        stream: z.enum(['hashtag', 'public', 'public:local']).default('hashtag'),
        streamingUrl: webSocketUrl.optional(),
      })
      .strict(),
    credentials: mastodonToken,
    credentialsRequired: false,
    requestLimit: { requests: 300, perSeconds: 300 },
    defaultPollSeconds: 0,
    defaultMonthlyReadBudget: null,
  },
  'bluesky-search': {
    platform: 'bluesky',
    label: 'Bluesky post search',
    scope: 'query',
    run: 'poll',
    settings: z.object({ appViewUrl: httpUrl.optional(), serviceUrl: httpUrl.optional() }).strict(),
    credentials: z.object({ identifier: secret, appPassword: secret }).strict(),
    credentialsRequired: false,
    requestLimit: { requests: 3_000, perSeconds: 300 },
    defaultPollSeconds: 60,
    defaultMonthlyReadBudget: null,
  },
  'bluesky-jetstream': {
    platform: 'bluesky',
    label: 'Bluesky Jetstream firehose',
    scope: 'source',
    run: 'stream',
    settings: z.object({ jetstreamUrl: webSocketUrl.default('wss://jetstream2.us-east.bsky.network') }).strict(),
    credentials: null,
    credentialsRequired: false,
    requestLimit: { requests: 60, perSeconds: 60 },
    defaultPollSeconds: 0,
    defaultMonthlyReadBudget: null,
  },
  'reddit-search': {
    platform: 'reddit',
    label: 'Reddit search',
    scope: 'query',
    run: 'poll',
    settings: z
      .object({
        subreddit: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_]{2,21}$/, 'must be a subreddit name such as "travel"')
          .optional(),
        apiUrl: httpUrl.optional(),
        authUrl: httpUrl.optional(),
      })
      .strict(),
    credentials: z
      .object({ clientId: secret, clientSecret: secret, username: secret.optional(), password: secret.optional() })
      .strict(),
    credentialsRequired: true,
    requestLimit: { requests: 100, perSeconds: 60 },
    defaultPollSeconds: 120,
    defaultMonthlyReadBudget: null,
  },
  'rss-feed': {
    platform: 'rss',
    label: 'RSS or Atom feed',
    scope: 'source',
    run: 'poll',
    settings: z.object({ feedUrl: httpUrl }).strict(),
    credentials: null,
    credentialsRequired: false,
    // Politeness, not a documented limit: a feed is a page on someone's server.
    requestLimit: { requests: 60, perSeconds: 3_600 },
    defaultPollSeconds: 300,
    defaultMonthlyReadBudget: null,
  },
};

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}
