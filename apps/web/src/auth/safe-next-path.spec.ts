import { safeNextPath } from './safe-next-path';

const ORIGIN = 'https://watchfloor.example.com';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/issues?issue=iss-1#notes', ORIGIN)).toBe('/issues?issue=iss-1#notes');
  });

  it('falls back to the console when there is no next', () => {
    expect(safeNextPath(null, ORIGIN)).toBe('/console');
  });

  it.each([
    'https://evil.example/console',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    ' /console',
  ])('refuses %j, which would leave the site or run script', (next) => {
    expect(safeNextPath(next, ORIGIN)).toBe('/console');
  });
});
