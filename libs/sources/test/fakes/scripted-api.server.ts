import { createServer as createHttpServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from './http-replies';

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answers: the client's deadline is what ends the request. */
  hang?: boolean;
}

export interface ScriptedCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as sent, unparsed: tests assert its encoding too. */
  body: string;
}

/**
 * An API that answers each route from a script (`POST /api/v1/statuses` → 422, then 200), for the
 * error cases the platform fakes do not model: validation refusals, outages, answers that never come.
 */
export class ScriptedApiServer {
  readonly calls: ScriptedCall[] = [];
  private readonly script = new Map<string, ScriptedAnswer[]>();
  private readonly server: Server;
  private readonly scheme: 'http' | 'https';

  /** With `tls`, HTTPS (twitter-api-v2 speaks nothing else). */
  constructor(tls?: { key: Buffer; cert: Buffer }) {
    const handler = (request: IncomingMessage, response: ServerResponse) => void this.handle(request, response);
    this.server = tls === undefined ? createHttpServer(handler) : createHttpsServer(tls, handler);
    this.scheme = tls === undefined ? 'http' : 'https';
  }

  get url(): string {
    return `${this.scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues answers for a route ("METHOD /path"); the last one repeats. */
  answer(route: string, ...answers: ScriptedAnswer[]): void {
    this.script.set(route, answers);
  }

  callsTo(path: string): ScriptedCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    this.calls.push({ method: request.method ?? 'GET', path, headers: request.headers, body: await readBody(request) });
    const queued = this.script.get(`${request.method} ${path}`) ?? [];
    const answer = queued.length > 1 ? queued.shift()! : queued[0];
    if (answer === undefined) return sendJson(response, 404, { error: `No script for ${request.method} ${path}` });
    if (answer.hang === true) return;
    sendJson(response, answer.status, answer.body ?? {}, answer.headers);
  }
}
