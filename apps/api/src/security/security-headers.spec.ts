import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from './security-headers';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name !== '')
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('securityHeaders', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const middleware = securityHeaders();
    server = createServer((request, response) =>
      middleware(request, response, () => {
        response.end('ok');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives the app a policy with no inline script, no eval, no inline style and no framing', async () => {
    const response = await fetch(`${base}/console?item=1`);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
    });
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it.each([
    '/api/docs',
    '/api/docs/',
    '/api/docs/swagger-ui-init.js?v=1',
    '/admin/queues',
    '/admin/queues/queue/ingest',
  ])('lets only the third-party UIs (%s) use inline styles, still with no inline script', async (path) => {
    const csp = directives((await fetch(`${base}${path}`)).headers.get('content-security-policy'));
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });

  it.each(['/api/docs-json', '/api/docsx', '/admin/queuesx', '/admin/users', '/wall?next=/api/docs'])(
    'keeps the strict policy on %s',
    async (path) => {
      const csp = directives((await fetch(`${base}${path}`)).headers.get('content-security-policy'));
      expect(csp['style-src']).toEqual(["'self'"]);
    },
  );
});
