import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(90_000);

/** The directives of a Content-Security-Policy header, by name. */
function cspOf(response: Response): Record<string, string[]> {
  const header = response.headers.get('content-security-policy');
  expect(header).not.toBeNull();
  return Object.fromEntries(
    header!
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name !== '')
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStrictHeaders(response: Response): void {
  const csp = cspOf(response);
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['style-src']).toEqual(["'self'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['base-uri']).toEqual(["'self'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['form-action']).toEqual(["'self'"]);
  expect(csp['connect-src']).toEqual(["'self'"]);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  expect(response.headers.get('x-powered-by')).toBeNull();
}

describe('security headers on everything the API serves', () => {
  let testSystem: TestSystem;
  let base: string;

  beforeAll(async () => {
    testSystem = await startTestSystem();
    base = testSystem.system.apiUrl;
  });

  afterAll(async () => {
    await testSystem?.stop();
  });

  it('sends the strict policy with the health check and with API errors', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expectStrictHeaders(health);
    const refused = await fetch(`${base}/api/mentions/recent`);
    expect(refused.status).toBe(401);
    expectStrictHeaders(refused);
  });

  it('sends it with the web app page and with its built script', async () => {
    const wall = await fetch(`${base}/wall`);
    expect(wall.status).toBe(200);
    expect(wall.headers.get('content-type')).toMatch(/text\/html/);
    expectStrictHeaders(wall);
    const html = await wall.text();
    // The page's only script is the external bundle the policy allows: nothing inline to forbid.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${base}${asset!}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expectStrictHeaders(script);
  });

  it('relaxes only styles for the Swagger UI, whose scripts stay external', async () => {
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.status).toBe(200);
    const csp = cspOf(docs);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(await docs.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
