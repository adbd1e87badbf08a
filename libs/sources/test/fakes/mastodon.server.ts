import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import { snowflake, statusEntity, searchPage, timelinePage } from './mastodon-entities';
import type { FakeStatusInput, StatusRecord, StoredStatus } from './mastodon-entities';
import { readBody, sendJson } from './http-replies';

export type { FakeStatusInput, StatusRecord } from './mastodon-entities';

/**
 * A Mastodon instance on 127.0.0.1, answering with the entities Mastodon documents (Status,
 * Notification, the v2 search result, streaming `update` events) and its paging (`min_id`,
 * `max_id`, `since_id`, `limit`, `Link`) and rate-limit headers. Knobs simulate what real instances
 * do to clients: 429s, refused tokens, malformed statuses and cut WebSockets.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: unknown;
}

interface Subscriber {
  socket: WebSocket;
  stream: string;
  tag: string | undefined;
  sent: number;
  /** The connection is cut once it has carried this many messages. */
  cutAfter: number | undefined;
}

const RATE_LIMIT = 300;

export class FakeMastodonServer {
  readonly requests: RecordedRequest[] = [];
  /** When set, API calls and streams must carry `Authorization: Bearer <token>`. */
  requiredToken: string | undefined;
  /** Called before a timeline answers: lets a test post while a catch-up is in flight. */
  beforeTimelineResponse: (() => void) | undefined;
  private readonly statuses: StoredStatus[] = [];
  private readonly notifications: StatusRecord[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private readonly idempotentReplies = new Map<string, StatusRecord>();
  private sequence = 0;
  private notificationSequence = 0;
  private remaining = RATE_LIMIT;
  private rateLimitedRequests = 0;
  private rateLimitResetMs = 0;
  private requestsBeforeRateLimit = 0;
  private readonly server: Server = createServer((request, response) => void this.answer(request, response));
  private readonly sockets = new WebSocketServer({ noServer: true });

  constructor() {
    this.server.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get openStreams(): number {
    return this.subscribers.size;
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const subscriber of this.subscribers) subscriber.socket.terminate();
    this.subscribers.clear();
    this.sockets.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Publishes a status: it joins the timelines and goes out to every matching open stream. */
  post(input: FakeStatusInput): StatusRecord {
    const tags = (input.tags ?? []).map((tag) => tag.toLowerCase());
    const entity = statusEntity(this.url, this.nextId(), input, tags);
    this.statuses.push({ entity, tags, local: input.local ?? true, text: input.text.toLowerCase() });
    this.broadcast(entity, tags, input.local ?? true);
    return entity;
  }

  /** A status as a broken or hostile instance might federate it: no creation date, no author. */
  postMalformed(tags: string[]): StatusRecord {
    const entity: StatusRecord = { id: this.nextId(), content: '<p>no date, no author</p>', url: null, account: {} };
    this.statuses.push({ entity, tags, local: true, text: '' });
    return entity;
  }

  /** Someone mentions the brand's account: a `mention` notification carrying the status. */
  mentionBrand(input: FakeStatusInput): StatusRecord {
    const status = this.post(input);
    this.notificationSequence++;
    this.notifications.push({
      id: String(1000 + this.notificationSequence),
      type: 'mention',
      created_at: status['created_at'],
      account: status['account'],
      status,
    });
    return status;
  }

  /**
   * After `afterRequests` more API calls, the next `times` answer 429 with the window resetting
   * `resetInMs` from then (Mastodon sends X-RateLimit-Reset, no Retry-After).
   */
  rateLimitNext(times: number, resetInMs: number, afterRequests = 0): void {
    this.requestsBeforeRateLimit = afterRequests;
    this.rateLimitedRequests = times;
    this.rateLimitResetMs = resetInMs;
  }

  /**
   * While set, every API call answers this error status (with Retry-After when given), as an
   * instance does that is overloaded or down for maintenance; `undefined` ends the outage.
   */
  outage: { status: number; retryAfterSeconds?: number } | undefined;

  /** Open streams are cut (TCP reset, no close frame) once each carried `messages` more messages. */
  cutStreamsAfter(messages: number): void {
    for (const subscriber of this.subscribers) subscriber.cutAfter = subscriber.sent + messages;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  private nextId(): string {
    this.sequence++;
    return snowflake(this.sequence);
  }

  private broadcast(entity: StatusRecord, tags: string[], local: boolean): void {
    for (const subscriber of [...this.subscribers]) {
      const { stream, tag } = subscriber;
      const matches =
        stream === 'public' ||
        (stream === 'public:local' && local) ||
        (stream === 'hashtag' && tag !== undefined && tags.includes(tag));
      if (!matches) continue;
      const message = JSON.stringify({
        stream: stream === 'hashtag' ? [stream, tag] : [stream],
        event: 'update',
        payload: JSON.stringify(entity),
      });
      this.sendOrCut(subscriber, message);
    }
  }

  private sendOrCut(subscriber: Subscriber, message: string): void {
    subscriber.sent++;
    if (subscriber.cutAfter === undefined || subscriber.sent < subscriber.cutAfter) {
      subscriber.socket.send(message);
      return;
    }
    // Out of the broadcast list at once, so statuses posted from here on only reach the timelines.
    this.subscribers.delete(subscriber);
    subscriber.socket.send(message, () => subscriber.socket.terminate());
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', this.url);
    this.record(request, url, undefined);
    if (url.pathname !== '/api/v1/streaming') return refuse(socket, 404, 'Not found');
    if (!this.authorized(request)) return refuse(socket, 401, 'Error: Invalid access token');
    const stream = url.searchParams.get('stream') ?? '';
    if (!['public', 'public:local', 'hashtag'].includes(stream)) return refuse(socket, 400, 'Unknown stream type');
    this.sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const subscriber: Subscriber = {
        socket: webSocket,
        stream,
        tag: url.searchParams.get('tag')?.toLowerCase(),
        sent: 0,
        cutAfter: undefined,
      };
      this.subscribers.add(subscriber);
      webSocket.on('close', () => this.subscribers.delete(subscriber));
      webSocket.on('error', () => this.subscribers.delete(subscriber));
    });
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = parseJsonBody(await readBody(request));
    this.record(request, url, body);
    const reset = new Date(Date.now() + 5 * 60_000).toISOString();
    if (this.outage !== undefined) {
      const { status, retryAfterSeconds } = this.outage;
      const retryAfter: Record<string, string> =
        retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
      return sendJson(response, status, { error: 'Service unavailable' }, retryAfter);
    }
    if (this.rateLimitedRequests > 0 && this.requestsBeforeRateLimit-- <= 0) {
      this.rateLimitedRequests--;
      const resetAt = new Date(Date.now() + this.rateLimitResetMs).toISOString();
      return sendJson(response, 429, { error: 'Too many requests' }, rateLimitHeaders(0, resetAt));
    }
    this.remaining = Math.max(0, this.remaining - 1);
    const headers = rateLimitHeaders(this.remaining, reset);
    if (url.pathname === '/api/v2/instance') {
      const streaming = this.url.replace(/^http/, 'ws');
      return sendJson(response, 200, { domain: '127.0.0.1', configuration: { urls: { streaming } } }, headers);
    }
    if (!this.authorized(request)) return sendJson(response, 401, { error: 'The access token is invalid' }, headers);
    const tagPath = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    if (tagPath !== null) {
      const tags = [decodeURIComponent(tagPath[1]!), ...url.searchParams.getAll('any[]')].map((tag) =>
        tag.toLowerCase(),
      );
      this.beforeTimelineResponse?.();
      return this.sendPage(
        response,
        url,
        headers,
        this.matching((status) => status.tags.some((tag) => tags.includes(tag))),
      );
    }
    if (url.pathname === '/api/v1/timelines/public') {
      const localOnly = url.searchParams.get('local') === 'true';
      this.beforeTimelineResponse?.();
      return this.sendPage(
        response,
        url,
        headers,
        this.matching((status) => !localOnly || status.local),
      );
    }
    if (url.pathname === '/api/v2/search') {
      const statuses = searchPage(this.statuses, url.searchParams);
      return sendJson(response, 200, { accounts: [], statuses, hashtags: [] }, headers);
    }
    if (url.pathname === '/api/v1/notifications') {
      const types = url.searchParams.getAll('types[]');
      const wanted = this.notifications.filter(
        (notification) => types.length === 0 || types.includes(String(notification['type'])),
      );
      return this.sendPage(response, url, headers, wanted);
    }
    if (url.pathname === '/api/v1/statuses' && request.method === 'POST')
      return this.createReply(request, body, response, headers);
    return sendJson(response, 404, { error: 'Record not found' }, headers);
  }

  private createReply(
    request: IncomingMessage,
    body: unknown,
    response: ServerResponse,
    headers: Record<string, string>,
  ): void {
    const key = header(request, 'idempotency-key');
    const known = key === undefined ? undefined : this.idempotentReplies.get(key);
    if (known !== undefined) return sendJson(response, 200, known, headers);
    const fields = body as { status?: string; in_reply_to_id?: string };
    if (typeof fields.status !== 'string' || fields.status === '') {
      return sendJson(response, 422, { error: "Validation failed: Text can't be blank" }, headers);
    }
    const status = this.post({ text: fields.status, acct: 'brand', inReplyToId: fields.in_reply_to_id });
    if (key !== undefined) this.idempotentReplies.set(key, status);
    sendJson(response, 200, status, headers);
  }

  private matching(keep: (status: StoredStatus) => boolean): StatusRecord[] {
    return this.statuses.filter(keep).map((status) => status.entity);
  }

  private sendPage(response: ServerResponse, url: URL, headers: Record<string, string>, items: StatusRecord[]): void {
    const page = timelinePage(items, url.searchParams);
    if (page.length > 0) {
      const link = (name: string, id: string) => {
        const next = new URL(url);
        for (const cursor of ['min_id', 'max_id', 'since_id']) next.searchParams.delete(cursor);
        next.searchParams.set(name, id);
        return `<${next.toString()}>`;
      };
      headers['Link'] = `${link('max_id', page.at(-1)!.id)}; rel="next", ${link('min_id', page[0]!.id)}; rel="prev"`;
    }
    sendJson(response, 200, page, headers);
  }

  private authorized(request: IncomingMessage): boolean {
    return this.requiredToken === undefined || header(request, 'authorization') === `Bearer ${this.requiredToken}`;
  }

  private record(request: IncomingMessage, url: URL, body: unknown): void {
    this.requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: header(request, 'authorization'),
      idempotencyKey: header(request, 'idempotency-key'),
      body,
    });
  }
}

function rateLimitHeaders(remaining: number, resetIso: string): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(RATE_LIMIT),
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': resetIso,
  };
}

function refuse(socket: Duplex, status: number, error: string): void {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} Refused\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  );
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJsonBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
