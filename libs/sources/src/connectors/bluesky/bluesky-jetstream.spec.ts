import { BlueskyJetstream } from './bluesky-jetstream';

describe('Jetstream subscription', () => {
  it('subscribes to posts only, live without a cursor and rewound by a few seconds with one', () => {
    const jetstream = new BlueskyJetstream({ jetstreamUrl: 'wss://jetstream.test/', rewindMs: 3_000 });
    expect(jetstream.subscribeUrl(undefined)).toBe(
      'wss://jetstream.test/subscribe?wantedCollections=app.bsky.feed.post',
    );
    expect(jetstream.subscribeUrl(1_725_911_162_329_308)).toBe(
      'wss://jetstream.test/subscribe?wantedCollections=app.bsky.feed.post&cursor=1725911159329308',
    );
  });
});
