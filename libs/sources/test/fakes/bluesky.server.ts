import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from './http-replies';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/** A post as stored by the fake; `malformed` leaves `text` out of the record returned. */
export interface FakeBlueskyPost {
  rkey: string;
  did: string;
  handle: string;
  text: string;
  createdAt: string;
  indexedAt: string;
  langs?: string[];
  reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
  malformed?: boolean;
}

export interface RecordedXrpcRequest {
  method: string;
  nsid: string;
  params: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

export const uriOf = (post: Pick<FakeBlueskyPost, 'did' | 'rkey'>) =>
  `at://${post.did}/app.bsky.feed.post/${post.rkey}`;
const cidOf = (rkey: string) => `bafyreib${rkey.replace(/[^a-z0-9]/g, '')}`;

/**
 * Bluesky's XRPC as documented, on one server for PDS and AppView: searchPosts (sort=latest by
 * sortAt, `since`, opaque cursor, ratelimit-* headers), createSession / refreshSession with
 * ExpiredToken (400) for a stale access token, getPosts and createRecord.
 */
export class FakeBlueskyServer {
  identifier = 'brand.bsky.social';
  appPassword = 'abcd-efgh-ijkl-mnop';
  did = 'did:plc:brand000000000000000000';
  posts: FakeBlueskyPost[] = [];
  /** searchPosts' largest page is 100; smaller here so tests page. */
  pageSize = 100;
  /** Like an AppView that refuses unauthenticated search. */
  requireAuth = false;
  rateLimited: { times: number; afterSearches?: number; resetSeconds: number } | undefined;
  requests: RecordedXrpcRequest[] = [];
  created: { uri: string; record: Record<string, unknown> }[] = [];
  private accessTokens = new Map<string, 'valid' | 'expired'>();
  private refreshTokens = new Set<string>();
  private tokenCount = 0;
  private clock = Date.parse('2026-11-23T09:00:00.000Z');
  private server: Server = createServer((request, response) => {
    void this.handle(request, response);
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stores a post a second after the previous one, indexed 300 ms after its creation. */
  addPost(text: string, extra: Partial<FakeBlueskyPost> = {}): FakeBlueskyPost {
    this.clock += 1_000;
    const post: FakeBlueskyPost = {
      rkey: `3lpost${String(this.posts.length + 1).padStart(4, '0')}`,
      did: 'did:plc:author00000000000000000',
      handle: 'someone.bsky.social',
      text,
      createdAt: new Date(this.clock).toISOString(),
      indexedAt: new Date(this.clock + 300).toISOString(),
      ...extra,
    };
    this.posts.push(post);
    return post;
  }

  requestsTo(nsid: string): RecordedXrpcRequest[] {
    return this.requests.filter((request) => request.nsid === nsid);
  }

  /** Every access token issued so far now answers ExpiredToken, as after its two hours. */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, 'expired');
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
    const text = await readBody(request);
    const recorded: RecordedXrpcRequest = {
      method: request.method ?? 'GET',
      nsid: url.pathname.replace(/^\/xrpc\//, ''),
      params: url.searchParams,
      authorization: request.headers.authorization,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    this.requests.push(recorded);
    const bearer = recorded.authorization?.replace(/^Bearer /, '');
    switch (recorded.nsid) {
      case 'com.atproto.server.createSession':
        return this.createSession(recorded.body as Record<string, unknown>, response);
      case 'com.atproto.server.refreshSession':
        if (bearer === undefined || !this.refreshTokens.delete(bearer)) {
          return xrpcError(response, 400, 'ExpiredToken', 'Token has been revoked');
        }
        return sendJson(response, 200, this.issueSession());
    }
    const access = bearer === undefined ? undefined : this.accessTokens.get(bearer);
    if (access === 'expired') return xrpcError(response, 400, 'ExpiredToken', 'Token has expired');
    if (bearer !== undefined && access === undefined) return xrpcError(response, 401, 'InvalidToken', 'Bad token');
    const authenticated = access === 'valid';
    switch (recorded.nsid) {
      case 'app.bsky.feed.searchPosts':
        if (this.requireAuth && !authenticated) return xrpcError(response, 403, 'Forbidden', 'Search requires auth');
        return this.searchPosts(url.searchParams, response);
      case 'app.bsky.feed.getPosts': {
        const uris = new Set(url.searchParams.getAll('uris'));
        return sendJson(response, 200, { posts: this.posts.filter((post) => uris.has(uriOf(post))).map(postView) });
      }
      case 'com.atproto.repo.createRecord':
        if (!authenticated) return xrpcError(response, 401, 'AuthMissing', 'Authentication Required');
        return this.createRecord(recorded.body as Record<string, unknown>, response);
    }
    xrpcError(response, 501, 'MethodNotImplemented', `${recorded.nsid} is not implemented`);
  }

  private createSession(body: Record<string, unknown>, response: ServerResponse): void {
    if (body['identifier'] !== this.identifier || body['password'] !== this.appPassword) {
      return xrpcError(response, 401, 'AuthenticationRequired', 'Invalid identifier or password');
    }
    sendJson(response, 200, { ...this.issueSession(), email: 'brand@example.com', emailConfirmed: true, active: true });
  }

  private issueSession() {
    const n = ++this.tokenCount;
    this.accessTokens.set(`access-${n}`, 'valid');
    this.refreshTokens.add(`refresh-${n}`);
    return { did: this.did, handle: this.identifier, accessJwt: `access-${n}`, refreshJwt: `refresh-${n}` };
  }

  private searchPosts(params: URLSearchParams, response: ServerResponse): void {
    const limited = this.rateLimited;
    if (limited !== undefined && limited.times > 0) {
      if ((limited.afterSearches ?? 0) > 0) limited.afterSearches!--;
      else {
        limited.times--;
        return xrpcError(
          response,
          429,
          'RateLimitExceeded',
          'Rate Limit Exceeded',
          rateLimitHeaders(0, limited.resetSeconds),
        );
      }
    }
    // A rough stand-in for the search engine: every term of the query (quotes dropped) appears in the text.
    const terms = (params.get('q') ?? '').toLowerCase().replaceAll('"', '').split(/\s+/).filter(Boolean);
    const since = params.get('since');
    const matching = this.posts
      .filter((post) => terms.every((term) => post.text.toLowerCase().includes(term)))
      .filter((post) => since === null || sortAtOf(post) >= new Date(since).toISOString())
      .sort((a, b) => (sortKey(b) < sortKey(a) ? -1 : 1));
    const after = params.get('cursor');
    const rest =
      after === null ? matching : matching.filter((post) => sortKey(post) < Buffer.from(after, 'base64url').toString());
    const page = rest.slice(0, Math.min(Number(params.get('limit') ?? 25), this.pageSize));
    const more = rest.length > page.length;
    const used = this.requestsTo('app.bsky.feed.searchPosts').length;
    sendJson(
      response,
      200,
      {
        ...(more && { cursor: Buffer.from(sortKey(page.at(-1)!)).toString('base64url') }),
        hitsTotal: matching.length,
        posts: page.map(postView),
      },
      rateLimitHeaders(3000 - used, 300),
    );
  }

  private createRecord(body: Record<string, unknown>, response: ServerResponse): void {
    if (body['repo'] !== this.did) return xrpcError(response, 400, 'InvalidRequest', 'repo must be your DID');
    const rkey = `3lreply${this.created.length + 1}`;
    const uri = `at://${this.did}/${String(body['collection'])}/${rkey}`;
    this.created.push({ uri, record: body['record'] as Record<string, unknown> });
    sendJson(response, 200, {
      uri,
      cid: cidOf(rkey),
      commit: { cid: 'bafyreicommit', rev: '3lrev0000000' },
      validationStatus: 'valid',
    });
  }
}

/** The AppView's sortAt: the earlier of createdAt and indexedAt. */
function sortAtOf(post: FakeBlueskyPost): string {
  return post.createdAt < post.indexedAt ? post.createdAt : post.indexedAt;
}

function sortKey(post: FakeBlueskyPost): string {
  return `${sortAtOf(post)} ${uriOf(post)}`;
}

export function postView(post: FakeBlueskyPost): Record<string, unknown> {
  return {
    uri: uriOf(post),
    cid: cidOf(post.rkey),
    author: {
      did: post.did,
      handle: post.handle,
      displayName: 'Some One',
      labels: [],
      createdAt: '2024-01-01T00:00:00.000Z',
    },
    record: {
      $type: 'app.bsky.feed.post',
      ...(post.malformed !== true && { text: post.text }),
      createdAt: post.createdAt,
      langs: post.langs ?? ['en'],
      ...(post.reply !== undefined && { reply: post.reply }),
    },
    replyCount: 0,
    repostCount: 1,
    likeCount: 4,
    quoteCount: 0,
    indexedAt: post.indexedAt,
    labels: [],
  };
}

function rateLimitHeaders(remaining: number, resetInSeconds: number): Record<string, string> {
  return {
    'RateLimit-Limit': '3000',
    'RateLimit-Remaining': String(remaining),
    'RateLimit-Reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
    'RateLimit-Policy': '3000;w=300',
  };
}

function xrpcError(
  response: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error, message }, headers);
}

export type JetstreamEvent = Record<string, unknown> & { did: string; time_us: number; kind: string };

/**
 * Jetstream as documented: /subscribe with wantedCollections and `cursor` (unix microseconds,
 * replayed from that time on, inclusive), commit events plus identity and account events
 * (which Jetstream sends whatever the collections asked for).
 */
export class FakeJetstreamServer {
  events: JetstreamEvent[] = [];
  /** Each connection is cut (TCP closed, no close frame) after this many messages. */
  cutAfter: number | undefined;
  /** Refuses the upgrade with this HTTP status. */
  refuseWith: number | undefined;
  connections: { cursor: string | null; wantedCollections: string[] }[] = [];
  private nextTimeUs = 1_795_900_000_000_000;
  private sockets = new Set<{ socket: WebSocket; wanted: string[]; sent: number }>();
  private server: Server = createServer((_request, response) => sendJson(response, 404, { error: 'NotFound' }));
  private wss = new WebSocketServer({ noServer: true });

  constructor() {
    this.server.on('upgrade', (request, socket, head) => {
      const url = new URL(request.url ?? '/', 'http://jetstream');
      if (url.pathname !== '/subscribe' || this.refuseWith !== undefined) {
        socket.end(`HTTP/1.1 ${this.refuseWith ?? 404} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, url));
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A new post commit, a millisecond after the previous event; `publish` sends it live. */
  post(did: string, rkey: string, text: string, langs = ['en']): JetstreamEvent {
    return this.add({
      did,
      kind: 'commit',
      commit: {
        rev: `3lrev${rkey}`,
        operation: 'create',
        collection: 'app.bsky.feed.post',
        rkey,
        record: { $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString(), langs },
        cid: cidOf(rkey),
      },
    });
  }

  identity(did: string, handle: string): JetstreamEvent {
    return this.add({ did, kind: 'identity', identity: { did, handle, seq: 1, time: new Date().toISOString() } });
  }

  deletion(did: string, rkey: string): JetstreamEvent {
    return this.add({
      did,
      kind: 'commit',
      commit: { rev: 'x', operation: 'delete', collection: 'app.bsky.feed.post', rkey },
    });
  }

  like(did: string, rkey: string): JetstreamEvent {
    return this.add({
      did,
      kind: 'commit',
      commit: { rev: 'x', operation: 'create', collection: 'app.bsky.feed.like', rkey, record: {}, cid: cidOf(rkey) },
    });
  }

  /** Sends a stored event to every open connection, as Jetstream does with what happens live. */
  publish(event: JetstreamEvent): void {
    for (const connection of this.sockets) this.send(connection, event);
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    for (const { socket } of this.sockets) socket.terminate();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private add(event: Omit<JetstreamEvent, 'time_us'>): JetstreamEvent {
    this.nextTimeUs += 1_000;
    const stored = { ...event, time_us: this.nextTimeUs } as JetstreamEvent;
    this.events.push(stored);
    return stored;
  }

  private accept(socket: WebSocket, url: URL): void {
    const cursor = url.searchParams.get('cursor');
    const wanted = url.searchParams.getAll('wantedCollections');
    this.connections.push({ cursor, wantedCollections: wanted });
    const connection = { socket, wanted, sent: 0 };
    this.sockets.add(connection);
    socket.on('close', () => this.sockets.delete(connection));
    if (cursor === null) return;
    for (const event of this.events.filter((stored) => stored.time_us >= Number(cursor))) this.send(connection, event);
  }

  private send(connection: { socket: WebSocket; wanted: string[]; sent: number }, event: JetstreamEvent): void {
    const collection = (event['commit'] as { collection?: string } | undefined)?.collection;
    if (collection !== undefined && connection.wanted.length > 0 && !connection.wanted.includes(collection)) return;
    if (!this.sockets.has(connection) || (this.cutAfter !== undefined && connection.sent >= this.cutAfter)) return;
    connection.sent++;
    const cut = this.cutAfter !== undefined && connection.sent === this.cutAfter;
    connection.socket.send(JSON.stringify(event), () => {
      if (cut) connection.socket.terminate();
    });
    if (cut) this.sockets.delete(connection);
  }
}
