import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A news site's feed, served as RSS 2.0 with an ETag, as real servers do. */
export class FeedServer {
  items: { guid: string; title: string; undated?: boolean }[] = [];
  version = 1;
  failWith: { status: number; retryAfter?: string } | undefined;
  requests: { ifNoneMatch: string | undefined }[] = [];
  private server: Server = createServer((request, response) => {
    this.requests.push({ ifNoneMatch: request.headers['if-none-match'] });
    if (this.failWith !== undefined) {
      response.writeHead(
        this.failWith.status,
        this.failWith.retryAfter === undefined ? {} : { 'Retry-After': this.failWith.retryAfter },
      );
      response.end();
      return;
    }
    const etag = `"v${this.version}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ETag: etag });
      response.end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'application/rss+xml',
      ETag: etag,
      'Last-Modified': 'Mon, 23 Nov 2026 09:00:00 GMT',
    });
    response.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>${this.url}</link>${this.items
        .map(
          (item) =>
            `<item><title>${item.title}</title><link>/news/${item.guid}</link><guid>${item.guid}</guid>${item.undated === true ? '' : '<pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>'}</item>`,
        )
        .join('')}</channel></rss>`,
    );
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/feed.xml`;
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
