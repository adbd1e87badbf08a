import { EgressHttpsAgent } from '../src/egress';
import type { Platform } from '@watchfloor/domain';
import { SourceHttpError } from '../src/connectors/source-http-error';
import type { SourceDefinition } from '../src/registry/source-definition';
import type { SourceKind } from '../src/registry/source-kinds';
import { ReplyRateLimitedError, ReplyRejectedError, ReplyTimedOutError, replyPosterFor } from '../src/replies';
import type { ReplyPoster, ReplyRequest } from '../src/replies';
import { FakeMastodonServer } from './fakes/mastodon.server';
import { snowflake, statusEntity } from './fakes/mastodon-entities';
import { FakeRedditServer } from './fakes/reddit.server';
import { ScriptedApiServer } from './fakes/scripted-api.server';
import { FAKE_X_TLS, xId } from './fakes/x-api.fixtures';
import { XApiServer } from './fakes/x-api.server';

const STATUSES = '/api/v1/statuses';
const TWEETS = '/2/tweets';

function aSource(
  kind: SourceKind,
  settings: Record<string, unknown>,
  credentials: Record<string, string> | null,
): SourceDefinition {
  return {
    id: `source-${kind}`,
    name: `Brand on ${kind}`,
    kind,
    settings,
    credentials,
    pollSeconds: 60,
    monthlyReadBudget: null,
    enabled: true,
    version: 1,
  };
}

function aReply(platform: Platform, overrides: Partial<ReplyRequest> = {}): ReplyRequest {
  return {
    inReplyTo: {
      platform,
      externalId: '113000000000000001',
      url: 'https://mastodon.social/@dana/113000000000000001',
      authorHandle: 'dana@mastodon.social',
    },
    text: 'Sorry about the wait, Dana: we are on it.',
    idempotencyKey: 'reply-7f3c2a',
    ...overrides,
  };
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: unknown) => error);

describe('Replying on Mastodon', () => {
  const api = new ScriptedApiServer();
  const mastodon = (timeoutMs?: number) =>
    replyPosterFor(aSource('mastodon-notifications', { instanceUrl: api.url }, { accessToken: 'brand-token' }), {
      ...(timeoutMs !== undefined && { timeoutMs }),
    });
  const created = (text: string) =>
    statusEntity(api.url, snowflake(1), { text, acct: 'brand', inReplyToId: '113000000000000001' }, []);

  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => api.calls.splice(0));

  it('posts to /api/v1/statuses in reply to the mention, mentioning its author, with the token and the idempotency key', async () => {
    const status = created('@dana@mastodon.social Sorry about the wait, Dana: we are on it.');
    api.answer(`POST ${STATUSES}`, { status: 200, body: status });

    const poster = mastodon();
    const outcome = await poster.post(aReply('mastodon'));

    expect(poster.idempotent).toBe(true);
    expect(outcome).toEqual({ externalId: status.id, url: `${api.url}/@brand/${status.id}` });
    const [call] = api.callsTo(STATUSES);
    expect(call).toMatchObject({
      method: 'POST',
      headers: {
        authorization: 'Bearer brand-token',
        'idempotency-key': 'reply-7f3c2a',
        'content-type': 'application/json',
      },
    });
    expect(JSON.parse(call!.body)).toEqual({
      status: '@dana@mastodon.social Sorry about the wait, Dana: we are on it.',
      in_reply_to_id: '113000000000000001',
      visibility: 'public',
    });
  });

  it('does not mention the author twice when the text already does', async () => {
    api.answer(`POST ${STATUSES}`, { status: 200, body: created('Thanks @dana@mastodon.social!') });
    await mastodon().post(aReply('mastodon', { text: 'Thanks @Dana@mastodon.social!' }));
    expect(JSON.parse(api.callsTo(STATUSES)[0]!.body)).toMatchObject({ status: 'Thanks @Dana@mastodon.social!' });
  });

  it('refuses a 422 for good, with what Mastodon said', async () => {
    api.answer(`POST ${STATUSES}`, {
      status: 422,
      body: { error: 'Validation failed: Text character limit of 500 exceeded' },
    });
    const error = await failureOf(mastodon().post(aReply('mastodon')));
    expect(error).toBeInstanceOf(ReplyRejectedError);
    expect(error).toMatchObject({ platform: 'mastodon', status: 422 });
    expect((error as Error).message).toMatch(
      /HTTP 422: Validation failed: Text character limit of 500 exceeded\): edit the reply/,
    );
  });

  it('says when to come back on a 429, from X-RateLimit-Reset', async () => {
    const resetAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 90_000);
    api.answer(`POST ${STATUSES}`, {
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': resetAt.toISOString() },
    });
    const error = await failureOf(mastodon().post(aReply('mastodon')));
    expect(error).toBeInstanceOf(ReplyRateLimitedError);
    expect(Math.abs((error as ReplyRateLimitedError).retryAt.getTime() - resetAt.getTime())).toBeLessThan(1_500);
    expect((error as Error).message).toContain('Too many requests');
  });

  it('leaves a 500 retryable, naming the status and the error', async () => {
    api.answer(`POST ${STATUSES}`, { status: 500, body: { error: 'We are sorry, but something went wrong' } });
    const error = await failureOf(mastodon().post(aReply('mastodon')));
    expect(error).toBeInstanceOf(SourceHttpError);
    expect(error).not.toBeInstanceOf(ReplyRejectedError);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect((error as Error).message).toContain('HTTP 500: We are sorry, but something went wrong');
  });

  it('gives up after the timeout, saying a retry with the same key is safe', async () => {
    api.answer(`POST ${STATUSES}`, { status: 200, hang: true });
    const started = Date.now();
    const error = await failureOf(mastodon(200).post(aReply('mastodon')));
    expect(error).toBeInstanceOf(ReplyTimedOutError);
    expect((error as Error).message).toMatch(
      /within 200 ms: the reply may have been posted.*same idempotency key is safe/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('Replying on Mastodon twice with one idempotency key', () => {
  const instance = new FakeMastodonServer();

  beforeAll(async () => {
    instance.requiredToken = 'brand-token';
    await instance.start();
  });
  afterAll(() => instance.stop());

  it('gets the status already posted back instead of a second reply', async () => {
    const mention = instance.post({ text: 'Where is my parcel?', acct: 'dana@mastodon.social' });
    const poster = replyPosterFor(
      aSource('mastodon-hashtag', { instanceUrl: instance.url }, { accessToken: 'brand-token' }),
    );
    const request = aReply('mastodon', {
      inReplyTo: {
        platform: 'mastodon',
        externalId: mention.id,
        url: String(mention['url']),
        authorHandle: 'dana@mastodon.social',
      },
    });

    const first = await poster.post(request);
    const retried = await poster.post(request);
    const another = await poster.post({ ...request, idempotencyKey: 'reply-another' });

    expect(retried).toEqual(first);
    expect(another.externalId).not.toBe(first.externalId);
    expect(instance.requestsTo(STATUSES).map((call) => call.idempotencyKey)).toEqual([
      'reply-7f3c2a',
      'reply-7f3c2a',
      'reply-another',
    ]);
  });
});

describe('Replying on X', () => {
  const x = new XApiServer();
  const agent = new EgressHttpsAgent({ ca: FAKE_X_TLS.cert });
  const oauth1 = {
    appKey: 'app-key',
    appSecret: 'app-secret',
    accessToken: 'brand-access',
    accessSecret: 'brand-secret',
  };
  const poster = (credentials: Record<string, string> = oauth1, apiUrl = x.url, timeoutMs?: number): ReplyPoster =>
    replyPosterFor(aSource('twitter-search', { apiUrl }, { bearerToken: 'app-only', ...credentials }), {
      agent,
      ...(timeoutMs !== undefined && { timeoutMs }),
    });
  const request = aReply('twitter', {
    inReplyTo: {
      platform: 'twitter',
      externalId: xId(5),
      url: `https://x.com/dana/status/${xId(5)}`,
      authorHandle: 'dana',
    },
    text: 'Sorry Dana, DM us your booking reference.',
  });

  beforeAll(() => x.start());
  beforeEach(() => x.reset());
  afterAll(async () => {
    await x.stop();
    agent.destroy();
  });

  it('posts POST /2/tweets in reply to the post, signed with the OAuth 1.0a user tokens', async () => {
    const replier = poster();
    const outcome = await replier.post(request);

    expect(replier.idempotent).toBe(false);
    expect(x.postedTweets).toEqual([
      { id: outcome.externalId, text: 'Sorry Dana, DM us your booking reference.', inReplyTo: xId(5) },
    ]);
    expect(outcome.url).toBe(`https://x.com/SkylarkAir/status/${outcome.externalId}`);
    const [call] = x.requestsTo(TWEETS);
    expect(call?.method).toBe('POST');
    expect(call?.body).toEqual({
      text: 'Sorry Dana, DM us your booking reference.',
      reply: { in_reply_to_tweet_id: xId(5) },
    });
    expect(call?.authorization).toMatch(/^OAuth /);
    expect(call?.authorization).toContain('oauth_consumer_key="app-key"');
    expect(call?.authorization).toContain('oauth_token="brand-access"');
    expect(call?.authorization).toContain('oauth_signature_method="HMAC-SHA1"');
    expect(call?.authorization).not.toContain('app-secret');
  });

  it("posts with the OAuth 2.0 user token when that is what the source has, never the app's bearer token", async () => {
    await poster({ userAccessToken: 'user-token' }).post(request);
    expect(x.requestsTo(TWEETS)[0]?.authorization).toBe('Bearer user-token');
  });

  it('says when to come back on a 429, from x-rate-limit-reset, having posted nothing', async () => {
    x.fail(TWEETS, 429, { resetInSeconds: 120 });
    const error = await failureOf(poster().post(request));
    expect(error).toBeInstanceOf(ReplyRateLimitedError);
    const waitMs = (error as ReplyRateLimitedError).retryAt.getTime() - Date.now();
    expect(waitMs).toBeGreaterThan(110_000);
    expect(waitMs).toBeLessThanOrEqual(121_000);
    expect(x.postedTweets).toEqual([]);
  });

  it('refuses a 403 for good, and leaves a 503 retryable', async () => {
    x.fail(TWEETS, 403);
    const refused = await failureOf(poster().post(request));
    expect(refused).toBeInstanceOf(ReplyRejectedError);
    expect(refused).toMatchObject({ platform: 'twitter', status: 403 });
    expect((refused as Error).message).toMatch(/X refused the reply \(X API POST \/2\/tweets answered HTTP 403/);

    x.fail(TWEETS, 503);
    const outage = await failureOf(poster().post(request));
    expect(outage).not.toBeInstanceOf(ReplyRejectedError);
    expect(outage).toMatchObject({ status: 503, retryable: true });
  });

  it('gives up after the timeout, warning that X may have posted and has no idempotency key', async () => {
    const stalled = new ScriptedApiServer(FAKE_X_TLS);
    await stalled.start();
    try {
      stalled.answer('GET /2/users/me', {
        status: 200,
        body: { data: { id: '1', name: 'Skylark', username: 'SkylarkAir' } },
      });
      stalled.answer(`POST ${TWEETS}`, { status: 201, hang: true });
      const error = await failureOf(poster(oauth1, stalled.url, 300).post(request));
      expect(error).toBeInstanceOf(ReplyTimedOutError);
      expect((error as Error).message).toMatch(/may have been posted.*no idempotency key: look at the thread/);
      expect(stalled.callsTo(TWEETS)).toHaveLength(1);
    } finally {
      await stalled.stop();
    }
  });
});

describe('Replying on Reddit', () => {
  const reddit = new FakeRedditServer();
  const poster = () =>
    replyPosterFor(
      aSource(
        'reddit-search',
        { apiUrl: reddit.url, authUrl: reddit.authUrl },
        {
          clientId: reddit.clientId,
          clientSecret: reddit.clientSecret,
          username: reddit.username,
          password: reddit.password,
        },
      ),
    );
  const request = aReply('reddit', {
    inReplyTo: {
      platform: 'reddit',
      externalId: 't3_abc12',
      url: 'https://www.reddit.com/r/skylark/comments/abc12/',
      authorHandle: 'someone',
    },
  });

  beforeAll(() => reddit.start());
  afterAll(() => reddit.stop());

  it("comments as the brand's account through the connector's user token", async () => {
    const replier = poster();
    const outcome = await replier.post(request);
    expect(replier.idempotent).toBe(false);
    expect(outcome).toEqual({ externalId: 't1_c1', url: 'https://www.reddit.com/r/skylark/comments/abc12/strike/c1/' });
    expect(reddit.requests.find((call) => call.path === '/api/comment')?.form).toEqual({
      thing_id: 't3_abc12',
      text: request.text,
      api_type: 'json',
    });
  });

  it("turns Reddit's RATELIMIT into a time to come back, and a locked thread into a refusal", async () => {
    reddit.commentError = ['RATELIMIT', 'you are doing that too much. try again in 5 minutes.', 'ratelimit'];
    const limited = await failureOf(poster().post(request));
    expect(limited).toBeInstanceOf(ReplyRateLimitedError);
    expect((limited as ReplyRateLimitedError).retryAt.getTime() - Date.now()).toBeGreaterThan(290_000);

    reddit.commentError = ['THREAD_LOCKED', 'Comments are locked.', 'parent'];
    const locked = await failureOf(poster().post(request));
    expect(locked).toBeInstanceOf(ReplyRejectedError);
    expect((locked as Error).message).toContain('THREAD_LOCKED');
    reddit.commentError = undefined;
  });
});
