import type { Request, Response } from 'express';
import { refuseCrossSiteRequests } from './cross-site-requests';

const guard = refuseCrossSiteRequests('https://wf.example.com/');

function outcome(method: string, path: string, headers: Record<string, string>): number | 'passed' {
  let status: number | 'passed' = 'passed';
  const response = {
    status(code: number) {
      status = code;
      return this;
    },
    json() {
      return this;
    },
  } as unknown as Response;
  guard({ method, path, headers } as unknown as Request, response, () => undefined);
  return status;
}

const SESSION = { cookie: 'wf_session=abc' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '20' };
const JSON_BODY = { 'content-type': 'application/json', 'content-length': '20' };

describe('refuseCrossSiteRequests', () => {
  it('refuses a form post under /api, whoever sends it: 415', () => {
    expect(outcome('POST', '/api/users', { ...FORM, ...SESSION, origin: 'https://wf.example.com' })).toBe(415);
    expect(outcome('POST', '/api/users', { ...FORM, authorization: 'Bearer t' })).toBe(415);
    expect(outcome('POST', '/api/users', { 'content-type': 'text/plain', 'content-length': '3' })).toBe(415);
  });

  it('refuses a cookie-borne change from another origin, or from no stated origin: 403', () => {
    expect(outcome('POST', '/api/users', { ...JSON_BODY, ...SESSION, origin: 'https://evil.example' })).toBe(403);
    expect(outcome('DELETE', '/api/kiosks/1', { cookie: 'wf_kiosk=k', referer: 'https://evil.example/x' })).toBe(403);
    expect(outcome('POST', '/api/auth/logout', { ...SESSION })).toBe(403);
    expect(outcome('POST', '/admin/queues/api/queues/x/retry', { ...SESSION, origin: 'null' })).toBe(403);
  });

  it('lets through a change from a page of PUBLIC_URL, a bearer-token client, and any read', () => {
    expect(outcome('POST', '/api/users', { ...JSON_BODY, ...SESSION, origin: 'https://wf.example.com' })).toBe(
      'passed',
    );
    expect(outcome('POST', '/api/users', { ...JSON_BODY, ...SESSION, referer: 'https://wf.example.com/admin' })).toBe(
      'passed',
    );
    expect(
      outcome('POST', '/api/users', { ...JSON_BODY, authorization: 'Bearer t', origin: 'https://evil.example' }),
    ).toBe('passed');
    expect(outcome('POST', '/api/auth/login', { ...JSON_BODY })).toBe('passed');
    expect(outcome('GET', '/api/users', { ...SESSION, origin: 'https://evil.example' })).toBe('passed');
    expect(
      outcome('POST', '/api/auth/logout', { ...SESSION, origin: 'https://wf.example.com', 'content-length': '0' }),
    ).toBe('passed');
  });
});
