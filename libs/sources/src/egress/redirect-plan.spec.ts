import { EgressRefusedError } from './egress-errors';
import { planRedirect } from './redirect-plan';

const from = new URL('https://api.example.com/v1/search?q=1');

describe('following a redirect', () => {
  it('refuses to take credentials from https down to http', () => {
    expect(() => planRedirect(from, 'http://api.example.com/v1/search', 301, 'GET', true)).toThrow(EgressRefusedError);
    expect(() => planRedirect(from, 'http://api.example.com/v1/search', 301, 'GET', true)).toThrow(
      'https://api.example.com/v1/search was refused: it redirected from https to http',
    );
  });

  it('lets a request without credentials go from https to http, to be checked as it connects', () => {
    expect(planRedirect(from, 'http://cdn.example.com/feed', 302, 'GET', false).url.href).toBe(
      'http://cdn.example.com/feed',
    );
  });

  it('drops the credentials on another origin and keeps them on the same one', () => {
    expect(planRedirect(from, 'https://elsewhere.example/', 307, 'GET', true).dropCredentials).toBe(true);
    expect(planRedirect(from, '/v2/search', 307, 'GET', true)).toMatchObject({
      url: new URL('https://api.example.com/v2/search'),
      dropCredentials: false,
    });
  });

  it('turns a POST into a GET without its body after 303, 301 and 302, and keeps it after 307 and 308', () => {
    for (const status of [301, 302, 303]) {
      expect(planRedirect(from, '/done', status, 'POST', false)).toMatchObject({ method: 'GET', dropBody: true });
    }
    for (const status of [307, 308]) {
      expect(planRedirect(from, '/again', status, 'POST', false)).toMatchObject({ method: 'POST', dropBody: false });
    }
  });
});
