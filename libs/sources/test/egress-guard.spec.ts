import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { WebSocketServer } from 'ws';
import { pollFeed } from '../src/connectors/rss-poller';
import { readWebSocket } from '../src/connectors/websocket-reader';
import { createXAppClient, toSourceError } from '../src/connectors/x';
import { describeError } from '../src/running/poll-cycle';
import {
  DEFAULT_MAX_BODY_BYTES,
  EgressHttpsAgent,
  EgressRefusedError,
  RemoteBodyTooLargeError,
  configureEgress,
  egressFetch,
} from '../src/egress';
import type { HostResolver } from '../src/egress';
import { LOOPBACK_NETWORKS } from '../../../test/support/loopback-egress';
import { FAKE_X_TLS } from './fakes/x-api.fixtures';
import { XApiServer } from './fakes/x-api.server';

jest.setTimeout(60_000);

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Skylark lost my bag</title><link>https://news.example/1</link><guid>1</guid><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>`;

/** A server on loopback that answers each request as the test says, and counts what reached it. */
async function hostileServer(
  handle: (request: IncomingMessage, response: ServerResponse, port: number) => void,
  host = '127.0.0.1',
) {
  const reached: string[] = [];
  const server: Server = createServer((request, response) => {
    reached.push(request.url ?? '/');
    handle(request, response, (server.address() as AddressInfo).port);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    reached,
    url: (path = '/feed.xml') => `http://${host}:${port}${path}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const serveFeed = (_request: IncomingMessage, response: ServerResponse) =>
  response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);

/** A resolver that knows a few made-up public-looking names, as /etc/hosts or a poisoned DNS would. */
const hosts =
  (table: Record<string, string>): HostResolver =>
  (hostname) => {
    const address = table[hostname];
    if (address === undefined) return Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    return Promise.resolve([{ address, family: address.includes(':') ? 6 : 4 }]);
  };

const allow = (allowNetworks: string[], extra: { resolve?: HostResolver; maxBodyBytes?: number } = {}) =>
  configureEgress({ allowNetworks, maxBodyBytes: extra.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, ...extra });

describe('the egress guard against hostile servers on loopback', () => {
  // Back to the harness's loopback allow-list, whatever a test set.
  afterEach(() => allow(LOOPBACK_NETWORKS.split(',')));

  it('refuses a feed on 127.0.0.1 unless EGRESS_ALLOW_NETWORKS names it, and reads it when it does', async () => {
    const server = await hostileServer(serveFeed);
    try {
      allow([]);
      const refused = await pollFeed(server.url(), null).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(EgressRefusedError);
      expect(refused).toMatchObject({ address: '127.0.0.1' });
      expect((refused as Error).message).toMatch(/loopback address.*EGRESS_ALLOW_NETWORKS=127\.0\.0\.1\/32/);
      expect(describeError(refused)).toMatchObject({ kind: 'refused' });
      expect(server.reached).toEqual([]);

      allow(['127.0.0.1/32']);
      const read = await pollFeed(server.url(), null);
      expect(read.batch.mentions.map((mention) => mention.text)).toEqual(['Skylark lost my bag']);
    } finally {
      await server.stop();
    }
  });

  it('refuses a public-looking host name that resolves to a private address, checked as it connects', async () => {
    const server = await hostileServer(serveFeed);
    try {
      allow([], { resolve: hosts({ 'evil.test': '127.0.0.1' }) });
      const refused = await pollFeed(`http://evil.test:${server.port}/feed.xml`, null).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(EgressRefusedError);
      expect((refused as EgressRefusedError).message).toContain(`http://evil.test:${server.port}/feed.xml`);
      expect(refused).toMatchObject({ address: '127.0.0.1' });
      expect(server.reached).toEqual([]);

      allow([], { resolve: hosts({ 'mapped.test': '::ffff:169.254.169.254' }) });
      const metadata = await pollFeed(`http://mapped.test:${server.port}/`, null).catch((error: unknown) => error);
      expect((metadata as Error).message).toMatch(/cloud metadata address/);
    } finally {
      await server.stop();
    }
  });

  it('refuses a redirect from an allowed server to a private address, without reaching it', async () => {
    const inside = await hostileServer(serveFeed, '127.0.0.2');
    const outside = await hostileServer((request, response) => {
      const to =
        request.url === '/by-name' ? `http://internal.test:${inside.port}/` : `http://127.0.0.2:${inside.port}/`;
      response.writeHead(302, { location: to }).end();
    });
    try {
      allow(['127.0.0.1/32'], { resolve: hosts({ 'internal.test': '127.0.0.2' }) });
      for (const path of ['/by-address', '/by-name']) {
        const refused = await pollFeed(outside.url(path), null).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(EgressRefusedError);
        expect(refused).toMatchObject({ address: '127.0.0.2' });
      }
      expect(outside.reached).toEqual(['/by-address', '/by-name']);
      expect(inside.reached).toEqual([]);
    } finally {
      await Promise.all([inside.stop(), outside.stop()]);
    }
  });

  it('follows at most 3 redirects', async () => {
    const server = await hostileServer((request, response) => {
      const hop = Number(request.url?.slice(1) ?? 0);
      if (hop === 3 && request.headers['x-stop'] === 'yes') return serveFeed(request, response);
      response.writeHead(301, { location: `/${hop + 1}` }).end();
    });
    try {
      const three = await egressFetch(server.url('/0'), { headers: { 'x-stop': 'yes' } });
      expect(three.status).toBe(200);
      await three.body?.cancel();

      const refused = await pollFeed(server.url('/0'), null).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(EgressRefusedError);
      expect((refused as Error).message).toMatch(/redirected more than 3 times/);
      expect(server.reached).toEqual(['/0', '/1', '/2', '/3', '/0', '/1', '/2', '/3']);
    } finally {
      await server.stop();
    }
  });

  it('does not carry credentials to another origin a redirect points at', async () => {
    const heard: (string | undefined)[] = [];
    const elsewhere = await hostileServer((request, response) => {
      heard.push(request.headers.authorization);
      serveFeed(request, response);
    });
    const platform = await hostileServer((_request, response) =>
      response.writeHead(307, { location: elsewhere.url('/collect') }).end(),
    );
    try {
      const answer = await egressFetch(platform.url('/api'), { headers: { Authorization: 'Bearer s3cret' } });
      expect(answer.status).toBe(200);
      await answer.body?.cancel();
      expect(heard).toEqual([undefined]);
    } finally {
      await Promise.all([elsewhere.stop(), platform.stop()]);
    }
  });

  it('cuts off a gzip bomb at the limit, counting decoded bytes, without the memory growing', async () => {
    // 64 MiB of zeros are 64 KiB of gzip; sent 32 times over, 2 MiB on the wire inflate to 2 GiB.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const server = await hostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      let sent = 0;
      const more = () => {
        while (sent < 32) {
          sent += 1;
          if (!response.write(member)) return void response.once('drain', more);
        }
        response.end();
      };
      response.on('close', () => (sent = 32));
      more();
    });
    try {
      allow(['127.0.0.1/32'], { maxBodyBytes: 1024 * 1024 });
      const before = process.memoryUsage().rss;
      const refused = await pollFeed(server.url(), null).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RemoteBodyTooLargeError);
      expect((refused as Error).message).toMatch(
        new RegExp(`${server.url().replace(/[.]/g, '\\.')} sent more than 1048576 bytes.*EGRESS_MAX_BODY_BYTES`),
      );
      expect(describeError(refused)).toMatchObject({ kind: 'refused' });
      // Reading it whole would take 2 GiB; what was held stays far below that.
      expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    } finally {
      await server.stop();
    }
  });

  it('cuts off a chunked answer that never ends, for platform API pages too', async () => {
    const server = await hostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const more = () => {
        while (response.write(chunk));
        response.once('drain', more);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      more();
    });
    try {
      allow(['127.0.0.1/32'], { maxBodyBytes: 256 * 1024 });
      await expect(pollFeed(server.url(), null)).rejects.toBeInstanceOf(RemoteBodyTooLargeError);
      const { requestPlatform } = await import('../src/connectors/platform-http');
      await expect(
        requestPlatform(server.url('/api/v1/timelines/tag/skylark'), { signal: new AbortController().signal }),
      ).rejects.toThrow(/\/api\/v1\/timelines\/tag\/skylark sent more than 262144 bytes/);
    } finally {
      await server.stop();
    }
  });

  it('refuses a stream on a private address before the WebSocket opens', async () => {
    const server = createServer();
    const sockets = new WebSocketServer({ server });
    let opened = 0;
    sockets.on('connection', (socket) => {
      opened += 1;
      socket.close();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/streaming`;
    try {
      allow([]);
      const read = (target: string) =>
        readWebSocket(target, {
          signal: new AbortController().signal,
          onOpen: () => undefined,
          onMessage: () => Promise.resolve(),
        });
      await expect(read(url)).rejects.toBeInstanceOf(EgressRefusedError);
      allow([], { resolve: hosts({ 'stream.test': '127.0.0.1' }) });
      await expect(read(url.replace('127.0.0.1', 'stream.test'))).rejects.toMatchObject({ address: '127.0.0.1' });
      expect(opened).toBe(0);

      allow(['127.0.0.1/32']);
      await read(url);
      expect(opened).toBe(1);
    } finally {
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses the X API (twitter-api-v2) on a private address through its guarded agent', async () => {
    const x = new XApiServer();
    await x.start();
    const agent = new EgressHttpsAgent({ ca: FAKE_X_TLS.cert });
    try {
      allow([]);
      const client = createXAppClient('app-token', { baseUrl: x.url, agent });
      const refused = await client.v2
        .get('tweets/search/recent', { query: 'skylark' })
        .catch((error: unknown) => toSourceError(error, 'search'));
      expect(refused).toBeInstanceOf(EgressRefusedError);
      expect(x.requests).toEqual([]);
    } finally {
      agent.destroy();
      await x.stop();
    }
  });
});
