import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_X_TLS, anXPost, anXUser, xId } from './x-api.fixtures';
import type { XPostFixture, XUserFixture } from './x-api.fixtures';

export interface RecordedXRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

interface Failure {
  path: string;
  status: number;
  times: number;
  after: number;
  resetInSeconds: number;
}

interface StreamRule {
  id: string;
  value: string;
  tag?: string;
}

/** Fields X returns whatever was asked; the rest only when named in `tweet.fields` / `user.fields`. */
const DEFAULT_POST_FIELDS = ['id', 'text', 'edit_history_tweet_ids'];
const DEFAULT_USER_FIELDS = ['id', 'name', 'username'];
const STATUS_TITLES: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * X API v2 over HTTPS, replaying the payload shapes of X's API reference: recent search (pages
 * newest first with `next_token`, `since_id`), filtered-stream rules, the filtered stream (`\r\n`
 * heartbeats, `matching_rules`, `backfill_minutes`), POST /2/tweets and GET /2/users/me.
 */
export class XApiServer {
  /** What recent search finds, in any order; served newest first. */
  posts: XPostFixture[] = [];
  users: XUserFixture[] = [anXUser(), anXUser({ id: '1002', username: 'lee', name: 'Lee', verified: true })];
  /** At most this many posts per page, whatever `max_results` asks. */
  pageSize: number | undefined;
  rules: StreamRule[] = [];
  /** Posts the stream publishes to the next connection, with the rule tag they match. */
  streamQueue: { post: XPostFixture; tag: string }[] = [];
  /** Cut the next stream connection after this many post lines (once). */
  cutStreamAfterLines: number | undefined;
  heartbeatMs = 20_000;
  /** When set, other bearer tokens are answered 401. */
  acceptedTokens: string[] | undefined;
  me = { id: '2244994945', name: 'Skylark Air', username: 'SkylarkAir' };
  postedTweets: { id: string; text: string; inReplyTo: string | undefined }[] = [];
  requests: RecordedXRequest[] = [];

  private failures: Failure[] = [];
  /** Every line the stream published, when: what `backfill_minutes` replays. */
  private streamHistory: { line: string; publishedAt: number }[] = [];
  private openStreams = new Set<ServerResponse>();
  private nextId = 1;
  private readonly server = createServer({ ...FAKE_X_TLS }, (request, response) => {
    void this.handle(request, response);
  });

  get url(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    for (const response of this.openStreams) response.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    for (const response of this.openStreams) response.destroy();
    Object.assign(this, {
      posts: [],
      pageSize: undefined,
      rules: [],
      streamQueue: [],
      cutStreamAfterLines: undefined,
      heartbeatMs: 20_000,
      acceptedTokens: undefined,
      postedTweets: [],
      requests: [],
      failures: [],
      streamHistory: [],
    });
  }

  /** Answers `status` (429 with `x-rate-limit-*` headers) `times` times, after `after` good answers. */
  fail(path: string, status: number, options: { times?: number; after?: number; resetInSeconds?: number } = {}): void {
    this.failures.push({
      path,
      status,
      times: options.times ?? 1,
      after: options.after ?? 0,
      resetInSeconds: options.resetInSeconds ?? 60,
    });
  }

  /** A post X would never send as is: no text, and a date that is not one. */
  insertMalformedPost(n: number): void {
    const { text: _text, ...post } = anXPost(n, { created_at: 'last Tuesday' });
    this.posts.push(post);
  }

  requestsTo(path: string): RecordedXRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const authorization = request.headers.authorization;
    this.requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization,
      body,
    });

    const token = authorization?.replace(/^Bearer /, '');
    if (this.acceptedTokens !== undefined && (token === undefined || !this.acceptedTokens.includes(token))) {
      return this.problem(response, 401, 'Unauthorized', 'Unauthorized');
    }
    const failure = this.failures.find((candidate) => candidate.path === url.pathname && candidate.times > 0);
    if (failure !== undefined && failure.after > 0) failure.after--;
    else if (failure !== undefined) {
      failure.times--;
      const title = STATUS_TITLES[failure.status] ?? 'Error';
      return this.problem(response, failure.status, title, title, failure.resetInSeconds);
    }
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /2/tweets/search/recent') return this.search(url.searchParams, response);
    if (route === 'GET /2/tweets/search/stream/rules') return this.json(response, 200, this.rulesBody());
    if (route === 'POST /2/tweets/search/stream/rules') return this.updateRules(body, response);
    if (route === 'GET /2/tweets/search/stream') return this.stream(url.searchParams, response);
    if (route === 'POST /2/tweets') return this.tweet(body, response);
    if (route === 'GET /2/users/me') return this.json(response, 200, { data: this.me });
    this.problem(response, 404, 'Not Found Error', `No route ${route}`);
  }

  private search(query: URLSearchParams, response: ServerResponse): void {
    const maxResults = Number(query.get('max_results') ?? 10);
    if (!(maxResults >= 10 && maxResults <= 100) || !query.get('query')) {
      return this.json(response, 400, {
        errors: [
          {
            parameters: { max_results: [String(maxResults)] },
            message: 'The `max_results` query parameter value is not between 10 and 100',
          },
        ],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      });
    }
    const sinceId = query.get('since_id');
    const before = query.get('next_token');
    const beforeId = before === null ? undefined : Buffer.from(before, 'base64url').toString('utf8');
    const matching = [...this.posts]
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .filter(
        (post) =>
          (sinceId === null || BigInt(post.id) > BigInt(sinceId)) &&
          (beforeId === undefined || BigInt(post.id) < BigInt(beforeId)),
      );
    const page = matching.slice(0, Math.min(maxResults, this.pageSize ?? Infinity));
    if (page.length === 0) return this.json(response, 200, { meta: { result_count: 0 } });
    const last = page[page.length - 1]!;
    this.json(response, 200, {
      data: page.map((post) => this.project(post, query)),
      ...this.includesOf(page, query),
      meta: {
        newest_id: page[0]!.id,
        oldest_id: last.id,
        result_count: page.length,
        ...(matching.length > page.length && { next_token: Buffer.from(last.id).toString('base64url') }),
      },
    });
  }

  private rulesBody(): unknown {
    const sent = new Date().toISOString();
    return this.rules.length === 0
      ? { meta: { sent, result_count: 0 } }
      : { data: this.rules, meta: { sent, result_count: this.rules.length } };
  }

  private updateRules(body: unknown, response: ServerResponse): void {
    const sent = new Date().toISOString();
    const request = body as { add?: { value: string; tag?: string }[]; delete?: { ids: string[] } };
    if (request.delete !== undefined) {
      const before = this.rules.length;
      this.rules = this.rules.filter((rule) => !request.delete!.ids.includes(rule.id));
      const deleted = before - this.rules.length;
      return this.json(response, 200, {
        meta: { sent, summary: { deleted, not_deleted: request.delete.ids.length - deleted } },
      });
    }
    const created: StreamRule[] = [];
    const errors: unknown[] = [];
    for (const rule of request.add ?? []) {
      const existing = [...this.rules, ...created].find((candidate) => candidate.value === rule.value);
      if (existing !== undefined) {
        errors.push({
          value: rule.value,
          id: existing.id,
          title: 'DuplicateRule',
          type: 'https://api.twitter.com/2/problems/duplicate-rules',
        });
      } else created.push({ id: this.newId(), ...rule });
    }
    this.rules.push(...created);
    this.json(response, 201, {
      ...(created.length > 0 && { data: created }),
      ...(errors.length > 0 && { errors }),
      meta: {
        sent,
        summary: { created: created.length, not_created: errors.length, valid: created.length, invalid: 0 },
      },
    });
  }

  private stream(query: URLSearchParams, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'application/json', ...this.rateLimitHeaders(50, 49, 900) });
    response.flushHeaders();
    this.openStreams.add(response);
    const heartbeat = setInterval(() => response.write('\r\n'), this.heartbeatMs);
    response.on('close', () => {
      clearInterval(heartbeat);
      this.openStreams.delete(response);
    });
    const backfill = Number(query.get('backfill_minutes') ?? 0);
    if (backfill > 0) {
      const since = Date.now() - backfill * 60_000;
      for (const { line } of this.streamHistory.filter((entry) => entry.publishedAt >= since)) response.write(line);
    }
    let sent = 0;
    while (this.streamQueue.length > 0) {
      if (this.cutStreamAfterLines !== undefined && sent >= this.cutStreamAfterLines) {
        this.cutStreamAfterLines = undefined;
        // What is published while the client is away is missed, unless it asks for a backfill.
        for (const { post, tag } of this.streamQueue.splice(0)) this.publish(post, tag, query);
        // Ends the TLS socket once what was written is sent: the response is left unfinished.
        response.socket?.end();
        return;
      }
      const { post, tag } = this.streamQueue.shift()!;
      response.write(this.publish(post, tag, query));
      sent++;
    }
  }

  private publish(post: XPostFixture, tag: string, query: URLSearchParams): string {
    const rule = this.rules.find((candidate) => candidate.tag === tag) ?? { id: '0', tag };
    const line = `${JSON.stringify({
      data: this.project(post, query),
      ...this.includesOf([post], query),
      matching_rules: [{ id: rule.id, tag: rule.tag }],
    })}\r\n`;
    this.streamHistory.push({ line, publishedAt: Date.now() });
    return line;
  }

  private tweet(body: unknown, response: ServerResponse): void {
    const request = body as { text: string; reply?: { in_reply_to_tweet_id?: string } };
    const id = xId(900_000 + this.nextId++);
    this.postedTweets.push({ id, text: request.text, inReplyTo: request.reply?.in_reply_to_tweet_id });
    this.json(response, 201, { data: { id, text: request.text, edit_history_tweet_ids: [id] } });
  }

  private project(post: XPostFixture, query: URLSearchParams): Record<string, unknown> {
    const fields = [...DEFAULT_POST_FIELDS, ...(query.get('tweet.fields') ?? '').split(',')];
    return Object.fromEntries(Object.entries(post).filter(([name]) => fields.includes(name)));
  }

  private includesOf(posts: XPostFixture[], query: URLSearchParams): { includes?: { users: unknown[] } } {
    if (!(query.get('expansions') ?? '').split(',').includes('author_id')) return {};
    const fields = [...DEFAULT_USER_FIELDS, ...(query.get('user.fields') ?? '').split(',')];
    const users = this.users
      .filter((user) => posts.some((post) => post.author_id === user.id))
      .map((user) => Object.fromEntries(Object.entries(user).filter(([name]) => fields.includes(name))));
    return { includes: { users } };
  }

  private rateLimitHeaders(limit: number, remaining: number, resetInSeconds: number): Record<string, string> {
    return {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(remaining),
      'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds),
    };
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      ...this.rateLimitHeaders(450, 449, 900),
    });
    response.end(JSON.stringify(body));
  }

  /** X's problem details (RFC 7807), as it answers 401, 404 and 429. */
  private problem(response: ServerResponse, status: number, title: string, detail: string, resetInSeconds = 900): void {
    response.writeHead(status, {
      'Content-Type': 'application/problem+json',
      ...this.rateLimitHeaders(450, status === 429 ? 0 : 449, resetInSeconds),
    });
    response.end(JSON.stringify({ title, detail, type: 'about:blank', status }));
  }

  private newId(): string {
    return xId(500_000 + this.nextId++);
  }
}
