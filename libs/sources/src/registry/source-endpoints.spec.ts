import { OFFICIAL_ENDPOINTS_ONLY, changedEndpoints, endpointProblems } from './source-endpoints';

describe('source endpoints', () => {
  it("accepts a platform's official hosts over https, and the defaults", () => {
    expect(endpointProblems('twitter-search', { apiUrl: 'https://api.twitter.com' }, OFFICIAL_ENDPOINTS_ONLY)).toEqual(
      [],
    );
    expect(endpointProblems('reddit-search', {}, OFFICIAL_ENDPOINTS_ONLY)).toEqual([]);
    expect(
      endpointProblems('mastodon-search', { instanceUrl: 'https://any.instance.example' }, OFFICIAL_ENDPOINTS_ONLY),
    ).toEqual([]);
  });

  it('refuses another host, and plain http, unless SOURCE_ENDPOINT_OVERRIDES names the origin', () => {
    expect(
      endpointProblems('reddit-search', { authUrl: 'https://evil.example/token' }, OFFICIAL_ENDPOINTS_ONLY),
    ).toEqual([
      'settings.authUrl: evil.example is not an official host (www.reddit.com): leave it out, or name https://evil.example in SOURCE_ENDPOINT_OVERRIDES',
    ]);
    expect(
      endpointProblems('bluesky-jetstream', { jetstreamUrl: 'ws://127.0.0.1:4100' }, OFFICIAL_ENDPOINTS_ONLY),
    ).toEqual([
      'settings.jetstreamUrl: must be a wss:// URL (ws://127.0.0.1:4100 may be used only if SOURCE_ENDPOINT_OVERRIDES names it)',
    ]);
    expect(
      endpointProblems(
        'mastodon-hashtag',
        { instanceUrl: 'http://127.0.0.1:4100' },
        { overrides: ['http://127.0.0.1:4100'] },
      ),
    ).toEqual([]);
  });

  it('names each endpoint whose effective value changes, counting an absent setting as its default', () => {
    expect(changedEndpoints('twitter-search', {}, { apiUrl: 'https://api.x.com/' })).toEqual([]);
    expect(changedEndpoints('twitter-search', {}, { apiUrl: 'https://api.twitter.com' })).toEqual([
      'apiUrl: https://api.x.com → https://api.twitter.com',
    ]);
    expect(
      changedEndpoints(
        'mastodon-public',
        { instanceUrl: 'https://a.example', localOnly: false },
        { instanceUrl: 'https://a.example', localOnly: true },
      ),
    ).toEqual([]);
  });
});
