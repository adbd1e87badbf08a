import WebSocket from 'ws';
import { SourceHttpError } from './source-http-error';
import { USER_AGENT } from './platform-http';
import { EgressRefusedError, describeUrl, egressAgentFor, maxBodyBytes } from '../egress';

export interface WebSocketReadOptions {
  headers?: Record<string, string>;
  signal: AbortSignal;
  /** Called once the server accepted the connection. */
  onOpen(): void;
  /**
   * Each message in order. Reading pauses until the promise settles, so a slow consumer slows the
   * socket (TCP back-pressure) instead of buffering without bound.
   */
  onMessage(data: string): Promise<void>;
  /** A connection silent this long is presumed dead (a half-open TCP connection never closes). */
  idleTimeoutMs?: number;
}

/**
 * Reads one WebSocket connection to its end: resolves when it closes (or the signal aborts),
 * rejects when it fails. An HTTP refusal of the upgrade becomes a SourceHttpError.
 */
export function readWebSocket(url: string, options: WebSocketReadOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const protocol = new URL(url).protocol;
    if (protocol !== 'ws:' && protocol !== 'wss:') {
      return reject(
        new EgressRefusedError(describeUrl(url), `${describeUrl(url)} was refused: streams are ws:// or wss:// URLs`),
      );
    }
    const socket = new WebSocket(url, {
      headers: { 'User-Agent': USER_AGENT, ...options.headers },
      // Every connection through the egress guard; ws follows no redirects unless told to.
      agent: egressAgentFor(url),
      // Counted after permessage-deflate inflates a message: a compressed bomb stops here.
      maxPayload: maxBodyBytes(),
      handshakeTimeout: 15_000,
    });
    let settled = false;
    let idleTimer: NodeJS.Timeout | undefined;
    let chain = Promise.resolve();
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(idleTimer);
      options.signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.terminate();
      // Messages already handed on finish before the connection counts as ended.
      void chain.then(() => (error === undefined ? resolve() : reject(error)), reject);
    };
    const onAbort = () => finish();
    const armIdleTimer = () => {
      if (options.idleTimeoutMs === undefined) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => finish(new Error(`no data for ${options.idleTimeoutMs} ms`)), options.idleTimeoutMs);
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) return finish();

    socket.on('unexpected-response', (_request, response) => {
      const retryAfter = response.headers['retry-after'];
      const seconds = typeof retryAfter === 'string' ? Number(retryAfter) : NaN;
      finish(
        new SourceHttpError(
          response.statusCode ?? 0,
          Number.isFinite(seconds) ? seconds * 1000 : undefined,
          `${new URL(url).host} refused the stream with HTTP ${response.statusCode}`,
        ),
      );
    });
    socket.on('open', () => {
      armIdleTimer();
      options.onOpen();
    });
    socket.on('ping', armIdleTimer);
    socket.on('message', (data: WebSocket.RawData) => {
      armIdleTimer();
      socket.pause();
      chain = chain
        .then(() => options.onMessage(rawToString(data)))
        .then(
          () => {
            if (!settled) socket.resume();
          },
          (error: Error) => finish(error),
        );
    });
    socket.on('close', () => finish());
    socket.on('error', (error) => finish(error));
  });
}

function rawToString(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
