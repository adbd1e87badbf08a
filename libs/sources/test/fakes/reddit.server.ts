import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from './http-replies';

/** A post as stored by the fake; `malformed` drops what the normalizer needs (its date and link). */
export interface FakeRedditPost {
  /** The base36 id; the fullname is `t3_<id>`. */
  id: string;
  title: string;
  selftext?: string;
  author?: string;
  subreddit?: string;
  createdUtc?: number;
  malformed?: boolean;
}

export interface RecordedRedditRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  form: Record<string, string>;
}

/**
 * Reddit's OAuth API as documented: the token endpoint (client credentials and the script app's
 * password grant, with Reddit's 200 {"error":"invalid_grant"} for a wrong password), search
 * listings paged by `after`, /api/comment with api_type=json, and the X-Ratelimit-* headers.
 */
export class FakeRedditServer {
  clientId = 'fake-client';
  clientSecret = 'fake-secret';
  username = 'skylark_brand';
  password = 'hunter2';
  /** Newest first is not required: search sorts by id, as sort=new does. */
  posts: FakeRedditPost[] = [];
  /** Reddit's largest page is 100; smaller here so tests page. */
  pageSize = 100;
  /** The next `times` searches answer 429 with the rate-limit headers, after letting `afterSearches` through. */
  rateLimited: { times: number; afterSearches?: number; resetSeconds: number } | undefined;
  /** The token endpoint answers 401 (wrong client id or secret). */
  refuseClient = false;
  /** /api/comment answers with this refusal in json.errors. */
  commentError: [string, string, string] | undefined;
  requests: RecordedRedditRequest[] = [];
  comments: { parent: string; text: string; name: string }[] = [];
  private issued = new Map<string, 'app' | 'user'>();
  private server: Server = createServer((request, response) => {
    void this.handle(request, response);
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get authUrl(): string {
    return `${this.url}/api/v1/access_token`;
  }

  tokenRequests(): RecordedRedditRequest[] {
    return this.requests.filter((request) => request.path === '/api/v1/access_token');
  }

  searchRequests(): RecordedRedditRequest[] {
    return this.requests.filter((request) => request.path.endsWith('/search'));
  }

  /** Revokes every token issued, as Reddit does when an app's secret is regenerated. */
  revokeTokens(): void {
    this.issued.clear();
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = await readBody(request);
    const recorded: RecordedRedditRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      form: Object.fromEntries(new URLSearchParams(body)),
    };
    this.requests.push(recorded);
    if (url.pathname === '/api/v1/access_token' && recorded.method === 'POST') return this.token(recorded, response);
    const grant = this.issued.get((recorded.authorization ?? '').replace(/^bearer /i, ''));
    if (grant === undefined) return sendJson(response, 401, { message: 'Unauthorized', error: 401 });
    if (/^(\/r\/[^/]+)?\/search$/.test(url.pathname)) return this.search(url, response);
    if (url.pathname === '/api/comment' && recorded.method === 'POST') {
      if (grant !== 'user') return sendJson(response, 403, { message: 'Forbidden', error: 403 });
      return this.comment(recorded.form, response);
    }
    sendJson(response, 404, { message: 'Not Found', error: 404 });
  }

  private token(request: RecordedRedditRequest, response: ServerResponse): void {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (this.refuseClient || request.authorization !== expected) {
      return sendJson(response, 401, { message: 'Unauthorized', error: 401 });
    }
    const grant = request.form['grant_type'];
    if (
      grant === 'password' &&
      (request.form['username'] !== this.username || request.form['password'] !== this.password)
    ) {
      return sendJson(response, 200, { error: 'invalid_grant' });
    }
    if (grant !== 'password' && grant !== 'client_credentials') {
      return sendJson(response, 200, { error: 'unsupported_grant_type' });
    }
    const token = `token-${this.issued.size + 1}-${grant}`;
    this.issued.set(token, grant === 'password' ? 'user' : 'app');
    sendJson(response, 200, { access_token: token, token_type: 'bearer', expires_in: 86_400, scope: '*' });
  }

  private search(url: URL, response: ServerResponse): void {
    const limited = this.rateLimited;
    if (limited !== undefined && limited.times > 0) {
      if ((limited.afterSearches ?? 0) > 0) limited.afterSearches!--;
      else {
        limited.times--;
        return sendJson(
          response,
          429,
          { message: 'Too Many Requests', error: 429 },
          rateLimitHeaders(100, 0, limited.resetSeconds),
        );
      }
    }
    const subreddit = /^\/r\/([^/]+)\//.exec(url.pathname)?.[1];
    const ordered = [...this.posts]
      .filter((post) => subreddit === undefined || post.subreddit === subreddit)
      .sort((a, b) => b.id.length - a.id.length || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const after = url.searchParams.get('after');
    const start = after === null ? 0 : ordered.findIndex((post) => `t3_${post.id}` === after) + 1;
    const size = Math.min(Number(url.searchParams.get('limit') ?? 25), this.pageSize);
    const page = ordered.slice(start, start + size);
    const more = start + size < ordered.length;
    sendJson(
      response,
      200,
      {
        kind: 'Listing',
        data: {
          after: more && page.length > 0 ? `t3_${page.at(-1)!.id}` : null,
          before: null,
          dist: page.length,
          modhash: '',
          geo_filter: '',
          children: page.map((post) => ({ kind: 't3', data: thingData(post) })),
        },
      },
      rateLimitHeaders(this.searchRequests().length, 100 - this.searchRequests().length, 42),
    );
  }

  private comment(form: Record<string, string>, response: ServerResponse): void {
    if (this.commentError !== undefined) return sendJson(response, 200, { json: { errors: [this.commentError] } });
    const parent = form['thing_id'] ?? '';
    const id = `c${(this.comments.length + 1).toString(36)}`;
    const linkId = parent.startsWith('t3_') ? parent : 't3_unknown';
    const name = `t1_${id}`;
    this.comments.push({ parent, text: form['text'] ?? '', name });
    sendJson(response, 200, {
      json: {
        errors: [],
        data: {
          things: [
            {
              kind: 't1',
              data: {
                id,
                name,
                body: form['text'],
                author: this.username,
                parent_id: parent,
                link_id: linkId,
                subreddit: 'skylark',
                permalink: `/r/skylark/comments/${linkId.slice(3)}/strike/${id}/`,
                created_utc: Math.floor(Date.now() / 1000),
              },
            },
          ],
        },
      },
    });
  }
}

function thingData(post: FakeRedditPost): Record<string, unknown> {
  const subreddit = post.subreddit ?? 'skylark';
  return {
    id: post.id,
    name: `t3_${post.id}`,
    title: post.title,
    selftext: post.selftext ?? '',
    author: post.author ?? 'some_redditor',
    subreddit,
    score: 12,
    num_comments: 3,
    over_18: false,
    url: `https://www.reddit.com/r/${subreddit}/comments/${post.id}/`,
    ...(post.malformed !== true && {
      permalink: `/r/${subreddit}/comments/${post.id}/post/`,
      created_utc: post.createdUtc ?? 1_795_000_000,
    }),
  };
}

function rateLimitHeaders(used: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    'X-Ratelimit-Used': String(used),
    'X-Ratelimit-Remaining': `${Math.max(0, remaining)}.0`,
    'X-Ratelimit-Reset': String(resetSeconds),
  };
}
