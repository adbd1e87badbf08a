import { normalizeBluesky } from './bluesky.normalizer';
import { normalizeMastodon } from './mastodon.normalizer';
import { UnreadableResponseError } from './normalized-batch';
import { normalizeReddit } from './reddit.normalizer';
import { normalizeRss } from './rss.normalizer';
import { normalizeTwitter } from './twitter.normalizer';

// Payloads shaped as the platforms document them (X API v2, Mastodon, AT Protocol/Jetstream,
// Reddit listings, RSS 2.0 and Atom 1.0), trimmed to the fields we read.

describe('X normalizer', () => {
  const response = {
    data: [
      {
        id: '1861',
        text: 'Lost my bag &amp; still waiting &lt;3 @SkylarkAir',
        author_id: '42',
        created_at: '2026-11-23T10:00:00.000Z',
        lang: 'en',
        referenced_tweets: [{ type: 'replied_to', id: '1800' }],
        public_metrics: { retweet_count: 1, reply_count: 2, like_count: 3, quote_count: 0 },
      },
      {
        id: '1862',
        text: 'RT @dana: Lost my bag',
        author_id: '43',
        created_at: '2026-11-23T10:01:00Z',
        referenced_tweets: [{ type: 'retweeted', id: '1861' }],
      },
      { id: '1863', author_id: '42' },
    ],
    includes: {
      users: [
        { id: '42', name: 'Dana', username: 'dana', verified: true, public_metrics: { followers_count: 1200 } },
        { id: '43', name: 'Sam', username: 'sam' },
      ],
    },
    meta: { result_count: 3, next_token: 'b26v89c19zqg8o3f' },
  };

  it('decodes entities, resolves authors, links replies and reposts, and sets aside a malformed post', () => {
    const { mentions, rejected } = normalizeTwitter(JSON.stringify(response));
    expect(mentions[0]).toMatchObject({
      platform: 'twitter',
      externalId: '1861',
      url: 'https://x.com/dana/status/1861',
      text: 'Lost my bag & still waiting <3 @SkylarkAir',
      createdAt: '2026-11-23T10:00:00.000Z',
      author: { handle: 'dana', name: 'Dana', followers: 1200, verified: true },
      lang: 'en',
      replyToId: '1800',
      metrics: { likes: 3, reposts: 1, replies: 2, quotes: 0 },
    });
    expect(mentions[1]).toMatchObject({ externalId: '1862', repostOfId: '1861', author: { handle: 'sam' } });
    expect(rejected).toEqual([expect.objectContaining({ index: 2, reason: expect.stringContaining('text') })]);
  });

  it('reads where a post was made: its exact point, else the centre of its tagged place', () => {
    const body = JSON.stringify({
      data: [
        {
          id: '1',
          text: 'at the gate',
          author_id: 'u',
          created_at: '2026-11-01T10:00:00Z',
          geo: { coordinates: { type: 'Point', coordinates: [-9.14, 38.72] }, place_id: 'p1' },
        },
        { id: '2', text: 'landed', author_id: 'u', created_at: '2026-11-01T10:00:00Z', geo: { place_id: 'p1' } },
        { id: '3', text: 'no place', author_id: 'u', created_at: '2026-11-01T10:00:00Z' },
      ],
      includes: {
        users: [{ id: 'u', username: 'dana' }],
        places: [
          { id: 'p1', full_name: 'Lisbon, Portugal', geo: { type: 'Feature', bbox: [-9.23, 38.69, -9.09, 38.8] } },
        ],
      },
    });
    const [exact, tagged, none] = normalizeTwitter(body).mentions;
    expect(exact!.place).toEqual({ lat: 38.72, lon: -9.14, name: 'Lisbon, Portugal' });
    expect(tagged!.place).toEqual({
      lat: expect.closeTo(38.745, 5),
      lon: expect.closeTo(-9.16, 5),
      name: 'Lisbon, Portugal',
    });
    expect(none!.place).toBeUndefined();
  });

  it('reads filtered-stream lines', () => {
    const line = (id: string) =>
      JSON.stringify({
        data: { ...response.data[0], id },
        includes: response.includes,
        matching_rules: [{ id: '1', tag: 'brand' }],
      });
    expect(normalizeTwitter(`${line('1')}\n${line('2')}\n`).mentions.map((m) => m.externalId)).toEqual(['1', '2']);
  });

  it('refuses what is not an X response', () => {
    expect(() => normalizeTwitter('{"hello": 1}')).toThrow(UnreadableResponseError);
    expect(() => normalizeTwitter('not json\nat all')).toThrow(UnreadableResponseError);
  });
});

describe('Mastodon normalizer', () => {
  const status = {
    id: '109',
    created_at: '2026-11-23T10:00:00.000Z',
    in_reply_to_id: null,
    language: 'en',
    url: 'https://mastodon.social/@dana/109',
    uri: 'https://mastodon.social/users/dana/statuses/109',
    content:
      '<p>Delayed again &amp; no info <a href="https://mastodon.social/tags/skylark" class="hashtag">#<span>skylark</span></a></p><p>second<br>line</p>',
    account: { acct: 'dana@mastodon.social', display_name: 'Dana', followers_count: 88 },
    reblog: null,
    favourites_count: 2,
    reblogs_count: 1,
    replies_count: 0,
  };

  it('turns HTML content into plain text', () => {
    const { mentions } = normalizeMastodon(JSON.stringify([status]));
    expect(mentions[0]).toMatchObject({
      externalId: '109',
      url: 'https://mastodon.social/@dana/109',
      text: 'Delayed again & no info #skylark\n\nsecond\nline',
      author: { handle: 'dana@mastodon.social', name: 'Dana', followers: 88 },
      lang: 'en',
    });
    expect(mentions[0]!.text).not.toContain('<');
  });

  it('reads search results and streaming update events, and links boosts', () => {
    const boost = { ...status, id: '110', content: '', reblog: { ...status } };
    expect(normalizeMastodon(JSON.stringify({ accounts: [], statuses: [status], hashtags: [] })).mentions).toHaveLength(
      1,
    );
    const stream = [
      JSON.stringify({ event: 'update', payload: JSON.stringify(boost) }),
      JSON.stringify({ event: 'delete', payload: '108' }),
    ].join('\n');
    expect(normalizeMastodon(stream).mentions[0]).toMatchObject({
      externalId: '110',
      repostOfId: '109',
      text: expect.stringContaining('Delayed again'),
    });
  });
});

describe('Bluesky normalizer', () => {
  const view = {
    uri: 'at://did:plc:abc/app.bsky.feed.post/3kxyz',
    cid: 'bafy',
    author: { did: 'did:plc:abc', handle: 'dana.bsky.social', displayName: 'Dana' },
    record: {
      $type: 'app.bsky.feed.post',
      text: 'Skylark lost my bag',
      createdAt: '2026-11-23T10:00:00.000Z',
      langs: ['en'],
      reply: {
        parent: { uri: 'at://did:plc:x/app.bsky.feed.post/1', cid: 'c' },
        root: { uri: 'at://did:plc:x/app.bsky.feed.post/1', cid: 'c' },
      },
    },
    likeCount: 4,
    repostCount: 1,
    replyCount: 0,
    indexedAt: '2026-11-23T10:00:01.000Z',
  };

  it('reads searchPosts results', () => {
    const { mentions } = normalizeBluesky(JSON.stringify({ cursor: '25', posts: [view] }));
    expect(mentions[0]).toMatchObject({
      externalId: view.uri,
      url: 'https://bsky.app/profile/dana.bsky.social/post/3kxyz',
      author: { handle: 'dana.bsky.social', name: 'Dana' },
      lang: 'en',
      replyToId: 'at://did:plc:x/app.bsky.feed.post/1',
      metrics: { likes: 4, reposts: 1, replies: 0 },
    });
  });

  it('reads Jetstream post creations and skips other events', () => {
    const create = {
      did: 'did:plc:abc',
      time_us: 1,
      kind: 'commit',
      commit: {
        rev: 'r',
        operation: 'create',
        collection: 'app.bsky.feed.post',
        rkey: '3kabc',
        record: view.record,
        cid: 'c',
      },
    };
    const like = {
      did: 'did:plc:abc',
      time_us: 2,
      kind: 'commit',
      commit: { operation: 'create', collection: 'app.bsky.feed.like', rkey: 'x', record: {} },
    };
    const { mentions } = normalizeBluesky(
      [create, like, { did: 'did:plc:abc', time_us: 3, kind: 'identity' }]
        .map((event) => JSON.stringify(event))
        .join('\n'),
    );
    expect(mentions).toEqual([
      expect.objectContaining({
        externalId: 'at://did:plc:abc/app.bsky.feed.post/3kabc',
        author: { handle: 'did:plc:abc' },
      }),
    ]);
  });
});

describe('Reddit normalizer', () => {
  it('reads posts and comments from a listing, with absolute URLs and decoded text', () => {
    const listing = {
      kind: 'Listing',
      data: {
        after: 't3_def',
        children: [
          {
            kind: 't3',
            data: {
              name: 't3_abc',
              title: 'Skylark &amp; my lost bag',
              selftext: 'Day 3 &gt; still nothing',
              author: 'dana',
              created_utc: 1795392000,
              permalink: '/r/travel/comments/abc/skylark/',
              score: 12,
              num_comments: 4,
            },
          },
          {
            kind: 't1',
            data: {
              name: 't1_xyz',
              body: 'Same here',
              author: 'sam',
              created_utc: 1795392060,
              permalink: '/r/travel/comments/abc/skylark/xyz/',
              parent_id: 't3_abc',
              score: 2,
            },
          },
          { kind: 't5', data: { name: 't5_sub' } },
        ],
      },
    };
    const { mentions, rejected } = normalizeReddit(JSON.stringify(listing));
    expect(mentions[0]).toMatchObject({
      externalId: 't3_abc',
      url: 'https://www.reddit.com/r/travel/comments/abc/skylark/',
      text: 'Skylark & my lost bag\n\nDay 3 > still nothing',
      createdAt: '2026-11-23T00:00:00.000Z',
      author: { handle: 'dana' },
      metrics: { likes: 12, replies: 4 },
    });
    expect(mentions[1]).toMatchObject({ externalId: 't1_xyz', replyToId: 't3_abc' });
    expect(rejected).toEqual([expect.objectContaining({ index: 2, reason: 'not a post or comment (kind t5)' })]);
  });
});

describe('RSS and Atom normalizer', () => {
  it('reads RSS 2.0 items with HTML descriptions and relative links', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>News</title><link>https://news.example.com/</link>
      <item><title>Skylark Air &amp; the strike</title><link>/2026/11/strike</link><guid isPermaLink="false">news-1</guid>
      <description>&lt;p&gt;Flights &lt;b&gt;cancelled&lt;/b&gt; today&lt;/p&gt;</description><pubDate>Mon, 23 Nov 2026 09:30:00 GMT</pubDate><dc:creator>Ann Reporter</dc:creator></item>
      <item><title>No link or date</title></item></channel></rss>`;
    const { mentions, rejected } = normalizeRss(rss);
    expect(mentions[0]).toMatchObject({
      platform: 'rss',
      externalId: 'news-1',
      url: 'https://news.example.com/2026/11/strike',
      text: 'Skylark Air & the strike\n\nFlights cancelled today',
      createdAt: '2026-11-23T09:30:00.000Z',
      author: { handle: 'news.example.com', name: 'Ann Reporter' },
    });
    expect(rejected).toHaveLength(1);
  });

  it('reads Atom entries', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><link href="https://blog.example.org/"/>
      <entry><title>Why I left Skylark</title><link rel="alternate" href="https://blog.example.org/left"/><id>tag:blog.example.org,2026:1</id>
      <updated>2026-11-23T08:00:00Z</updated><summary type="html">&lt;em&gt;Long&lt;/em&gt; story</summary><author><name>Zoe</name></author></entry></feed>`;
    expect(normalizeRss(atom).mentions[0]).toMatchObject({
      externalId: 'tag:blog.example.org,2026:1',
      url: 'https://blog.example.org/left',
      text: 'Why I left Skylark\n\nLong story',
      createdAt: '2026-11-23T08:00:00.000Z',
      author: { name: 'Zoe' },
    });
  });

  it('refuses what is not a feed, and entity-expansion tricks', () => {
    expect(() => normalizeRss('<html><body>hi</body></html>')).toThrow(UnreadableResponseError);
    expect(() => normalizeRss('not xml at all')).toThrow(UnreadableResponseError);
    expect(() =>
      normalizeRss('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><rss><channel></channel></rss>'),
    ).toThrow(/DOCTYPE/);
  });
});
