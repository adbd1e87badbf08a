import type { Platform } from '@watchfloor/domain';
import { SourceHttpError } from '../connectors/source-http-error';
import { validateSourceCredentials } from '../registry/source-definition';
import type { SourceDefinition } from '../registry/source-definition';
import type { SourceKind } from '../registry/source-kinds';
import { addressed } from './mastodon-reply-poster';
import { ReplyNotSupportedError, ReplyRejectedError, ReplyTimedOutError, replyErrorFrom } from './reply-errors';
import type { ReplyRateLimitedError } from './reply-errors';
import { canReply, replyPosterFor } from './reply-poster';
import type { ReplyRequest } from './reply-poster';

function aSource(
  kind: SourceKind,
  credentials: Record<string, string> | null = null,
  settings: Record<string, unknown> = {},
): SourceDefinition {
  return {
    id: `source-${kind}`,
    name: 'Brand',
    kind,
    settings,
    credentials,
    pollSeconds: 60,
    monthlyReadBudget: null,
    enabled: true,
    version: 1,
  };
}

const instance = { instanceUrl: 'https://mastodon.example' };
const oauth1 = { appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'ts' };
const blueskyAccount = { identifier: 'brand.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' };
const redditScript = { clientId: 'c', clientSecret: 's', username: 'brand', password: 'p' };

function aReply(platform: Platform, text = 'We are on it.'): ReplyRequest {
  return {
    inReplyTo: { platform, externalId: '1', url: 'https://example.com/1', authorHandle: 'dana' },
    text,
    idempotencyKey: 'reply-1',
  };
}

describe('which sources can reply', () => {
  it.each<[string, boolean, Platform, SourceDefinition]>([
    ['Mastodon with a token', true, 'mastodon', aSource('mastodon-hashtag', { accessToken: 't' }, instance)],
    ['Mastodon without a token', false, 'mastodon', aSource('mastodon-hashtag', null, instance)],
    ['Mastodon asked about X', false, 'twitter', aSource('mastodon-search', { accessToken: 't' }, instance)],
    ['X with OAuth 1.0a user tokens', true, 'twitter', aSource('twitter-stream', { bearerToken: 'b', ...oauth1 })],
    [
      'X with an OAuth 2.0 user token',
      true,
      'twitter',
      aSource('twitter-search', { bearerToken: 'b', userAccessToken: 'u' }),
    ],
    ['X with an app-only bearer token', false, 'twitter', aSource('twitter-search', { bearerToken: 'b' })],
    ['Bluesky search with an app password', true, 'bluesky', aSource('bluesky-search', blueskyAccount)],
    ['Bluesky search without an account', false, 'bluesky', aSource('bluesky-search')],
    ['the Bluesky firehose', false, 'bluesky', aSource('bluesky-jetstream', null, { jetstreamUrl: 'wss://j.example' })],
    ['Reddit as a script app', true, 'reddit', aSource('reddit-search', redditScript)],
    ['Reddit as an app only', false, 'reddit', aSource('reddit-search', { clientId: 'c', clientSecret: 's' })],
    ['an RSS feed', false, 'rss', aSource('rss-feed', null, { feedUrl: 'https://example.com/feed' })],
  ])('%s: can reply %s on %s', (_, expected, platform, source) => {
    expect(canReply(source, platform)).toBe(expected);
  });

  it('says what to do when a source cannot reply', () => {
    const refusal = (source: SourceDefinition) => () => replyPosterFor(source);
    expect(refusal(aSource('rss-feed', null, { feedUrl: 'https://example.com/feed' }))).toThrow(
      new ReplyNotSupportedError('Replies to RSS items are not possible: answer on the site itself'),
    );
    expect(refusal(aSource('mastodon-public', null, instance))).toThrow(/write:statuses scope/);
    expect(refusal(aSource('twitter-stream', { bearerToken: 'b' }))).toThrow(
      /app-only bearer token, which X does not let post: replying needs user-context credentials/,
    );
    expect(refusal(aSource('bluesky-jetstream', null, { jetstreamUrl: 'wss://j.example' }))).toThrow(
      /reads without an account.*Bluesky search source/,
    );
    expect(refusal(aSource('reddit-search', { clientId: 'c', clientSecret: 's' }))).toThrow(/username and password/);
  });

  it('says which posters the platform makes idempotent', () => {
    expect(replyPosterFor(aSource('mastodon-search', { accessToken: 't' }, instance))).toMatchObject({
      platform: 'mastodon',
      idempotent: true,
    });
    for (const source of [
      aSource('twitter-search', { bearerToken: 'b', ...oauth1 }),
      aSource('bluesky-search', blueskyAccount),
      aSource('reddit-search', redditScript),
    ]) {
      expect(replyPosterFor(source).idempotent).toBe(false);
    }
  });
});

describe('replies refused before anything is sent', () => {
  // The instances do not exist: a request would fail differently.
  const mastodon = replyPosterFor(aSource('mastodon-search', { accessToken: 't' }, instance));
  const bluesky = replyPosterFor(aSource('bluesky-search', blueskyAccount, { serviceUrl: 'http://127.0.0.1:9' }));

  it('refuses a mention of another platform, an empty text and a post over the limit', async () => {
    await expect(mastodon.post(aReply('twitter'))).rejects.toThrow(
      new ReplyNotSupportedError(
        "This source posts on Mastodon, not on X: pick one for which canReply(source, 'twitter') is true",
      ),
    );
    await expect(mastodon.post(aReply('mastodon', '  \n'))).rejects.toMatchObject({
      name: 'ReplyRejectedError',
      status: null,
    });
    // 300 graphemes pass, the 301st (a flag is one grapheme of four code units) does not.
    const flags = '🇫🇷'.repeat(301);
    await expect(bluesky.post(aReply('bluesky', flags))).rejects.toThrow(
      'A reply on Bluesky takes at most 300 characters; this one has 301: shorten it and send it again',
    );
  });
});

describe('errors a reply job acts on', () => {
  const context = { platform: 'mastodon', idempotent: true, timeoutMs: 5_000 } as const;
  const now = Date.parse('2026-11-23T09:00:00Z');

  it('refuses 4xx for good, but not 408, 425 or 429', () => {
    for (const status of [400, 401, 403, 404, 422]) {
      expect(replyErrorFrom(new SourceHttpError(status, undefined, `HTTP ${status}`), context)).toBeInstanceOf(
        ReplyRejectedError,
      );
    }
    for (const status of [408, 425, 500, 503]) {
      const error = new SourceHttpError(status, undefined, `HTTP ${status}`);
      expect(replyErrorFrom(error, context)).toBe(error);
    }
  });

  it('comes back after Retry-After, else at the rate-limit reset, else in a minute', () => {
    const retryAt = (error: SourceHttpError) => (replyErrorFrom(error, context, now) as ReplyRateLimitedError).retryAt;
    expect(retryAt(new SourceHttpError(429, 30_000, 'x'))).toEqual(new Date(now + 30_000));
    expect(retryAt(new SourceHttpError(429, undefined, 'x', { resetAt: now + 90_000 }))).toEqual(
      new Date(now + 90_000),
    );
    expect(retryAt(new SourceHttpError(429, undefined, 'x'))).toEqual(new Date(now + 60_000));
  });

  it("reports the connectors' own timeout as an unknown outcome", () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(replyErrorFrom(timeout, context)).toBeInstanceOf(ReplyTimedOutError);
  });
});

describe('mentioning the author of a Mastodon status', () => {
  it.each([
    ['dana@mastodon.social', 'We are on it.', '@dana@mastodon.social We are on it.'],
    ['dana@mastodon.social', '@Dana@Mastodon.social we are on it.', '@Dana@Mastodon.social we are on it.'],
    ['dana@mastodon.social', 'Thanks @dana@mastodon.social.', 'Thanks @dana@mastodon.social.'],
    ['dana', 'Thanks @dana!', 'Thanks @dana!'],
    ['dana', 'Ask @danabrown or @dana@other.social', '@dana Ask @danabrown or @dana@other.social'],
    ['dana@mastodon.social', 'Thanks @dana!', '@dana@mastodon.social Thanks @dana!'],
  ])('author %s, text "%s"', (handle, text, status) => {
    expect(addressed(handle, text)).toBe(status);
  });
});

describe('X credentials for replies', () => {
  it('take the OAuth 1.0a user tokens as a set of four', () => {
    expect(validateSourceCredentials('twitter-search', { bearerToken: 'b', ...oauth1 })).toEqual({
      bearerToken: 'b',
      ...oauth1,
    });
    expect(() =>
      validateSourceCredentials('twitter-search', { bearerToken: 'b', appKey: 'k', appSecret: 's' }),
    ).toThrow(
      'credentials.accessToken: OAuth 1.0a user tokens come as four: appKey, appSecret, accessToken and accessSecret; credentials.accessSecret',
    );
  });
});
