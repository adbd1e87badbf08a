import type { Platform } from '@watchfloor/domain';
import {
  CITIES,
  DEMO_BRAND,
  DEMO_PLACES,
  EXTRA_TAGS,
  FIRST_NAMES,
  LAST_NAMES,
  PHRASES,
  TONE_WEIGHTS,
} from './demo-feed-script';
import { SeededRandom } from './seeded-random';

const PLATFORM_WEIGHTS: readonly (readonly [Platform, number])[] = [
  ['twitter', 45],
  ['bluesky', 20],
  ['mastodon', 15],
  ['reddit', 12],
  ['rss', 8],
];

interface DemoAuthor {
  handle: string;
  name: string;
  followers: number;
  verified: boolean;
}

/**
 * Generates believable mentions of the demo brand, each shaped like its platform's API payload
 * (kept as `raw`). Reach follows a long tail: most authors have a few hundred followers, a few
 * have hundreds of thousands. Ids are unique per feed (its seed and a sequence number).
 */
export class DemoFeed {
  private readonly random: SeededRandom;
  /** Places draw from their own sequence, so adding them changed no other part of a seeded feed. */
  private readonly placeRandom: SeededRandom;
  private readonly authors: DemoAuthor[];
  private sequence = 0;

  constructor(private readonly seed: number = Date.now() % 2_147_483_647) {
    this.random = new SeededRandom(seed);
    this.placeRandom = new SeededRandom(seed + 1);
    this.authors = Array.from({ length: 300 }, (_, index) => this.makeAuthor(index));
  }

  next(now: Date = new Date()): Record<string, unknown> {
    const sequence = this.sequence++;
    const platform = this.random.weighted(PLATFORM_WEIGHTS);
    const author = this.random.pick(this.authors);
    const text = this.fill(this.random.pick(PHRASES[this.random.weighted(TONE_WEIGHTS)]));
    const createdAt = new Date(now.getTime() - this.random.int(0, 5_000)).toISOString();
    const id = `${this.seed.toString(36)}${sequence.toString(36).padStart(8, '0')}`;
    const metrics = {
      likes: Math.floor(author.followers * this.random.next() * 0.02),
      reposts: Math.floor(author.followers * this.random.next() * 0.005),
      replies: this.random.int(0, 20),
    };
    // About a third of X posts carry a geotag, as people who share their location do.
    const place =
      platform === 'twitter' && this.placeRandom.next() < 0.35 ? this.placeRandom.pick(DEMO_PLACES) : undefined;
    return {
      platform,
      externalId: externalIdFor(platform, id),
      source: 'demo',
      url: urlFor(platform, author.handle, id),
      text,
      createdAt,
      author,
      lang: 'en',
      metrics,
      ...(place !== undefined && { place: { lat: place.lat, lon: place.lon, name: place.name } }),
      raw: rawPayloadFor(platform, id, text, createdAt, author, metrics),
    };
  }

  private makeAuthor(index: number): DemoAuthor {
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    // Log-uniform reach from 10 to ~1M followers: a long tail, like real audiences.
    const followers = Math.round(10 ** (1 + this.random.next() * 5));
    return {
      handle: `${first}${last}${index}`.toLowerCase(),
      name: `${first} ${last}`,
      followers,
      verified: followers > 200_000 && this.random.next() < 0.5,
    };
  }

  private fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'brand':
          return this.random.next() < 0.5 ? DEMO_BRAND.name : `@${DEMO_BRAND.handle}`;
        case 'handle':
          return DEMO_BRAND.handle;
        case 'city':
          return this.random.pick(CITIES);
        case 'flight':
          return `SK${this.random.int(100, 999)}`;
        case 'tag':
          return DEMO_BRAND.hashtag;
        case 'fail':
          return this.random.pick(['#fail', '#neveragain', '#delayed', '']);
        default:
          return this.random.pick(EXTRA_TAGS);
      }
    });
  }
}

function externalIdFor(platform: Platform, id: string): string {
  switch (platform) {
    case 'bluesky':
      return `at://did:plc:demo${id}/app.bsky.feed.post/${id}`;
    case 'reddit':
      return `t3_${id}`;
    case 'rss':
      return `https://news.example.com/skylark/${id}`;
    case 'twitter':
    case 'mastodon':
      return id;
  }
}

function urlFor(platform: Platform, handle: string, id: string): string {
  switch (platform) {
    case 'twitter':
      return `https://x.com/${handle}/status/${id}`;
    case 'mastodon':
      return `https://mastodon.social/@${handle}/${id}`;
    case 'bluesky':
      return `https://bsky.app/profile/${handle}.bsky.social/post/${id}`;
    case 'reddit':
      return `https://www.reddit.com/r/travel/comments/${id}/`;
    case 'rss':
      return `https://news.example.com/skylark/${id}`;
  }
}

function rawPayloadFor(
  platform: Platform,
  id: string,
  text: string,
  createdAt: string,
  author: DemoAuthor,
  metrics: { likes: number; reposts: number; replies: number },
): Record<string, unknown> {
  switch (platform) {
    case 'twitter':
      return {
        id,
        text,
        created_at: createdAt,
        author_id: `u${author.handle}`,
        lang: 'en',
        public_metrics: { like_count: metrics.likes, retweet_count: metrics.reposts, reply_count: metrics.replies },
      };
    case 'mastodon':
      return {
        id,
        created_at: createdAt,
        content: `<p>${text}</p>`,
        account: { acct: author.handle, display_name: author.name, followers_count: author.followers },
        favourites_count: metrics.likes,
        reblogs_count: metrics.reposts,
      };
    case 'bluesky':
      return {
        uri: `at://did:plc:demo${id}/app.bsky.feed.post/${id}`,
        record: { $type: 'app.bsky.feed.post', text, createdAt, langs: ['en'] },
        author: { handle: `${author.handle}.bsky.social`, displayName: author.name },
        likeCount: metrics.likes,
        repostCount: metrics.reposts,
      };
    case 'reddit':
      return {
        kind: 't3',
        data: {
          id,
          name: `t3_${id}`,
          title: text,
          author: author.handle,
          created_utc: Date.parse(createdAt) / 1000,
          score: metrics.likes,
        },
      };
    case 'rss':
      return {
        guid: `https://news.example.com/skylark/${id}`,
        title: text,
        pubDate: new Date(createdAt).toUTCString(),
      };
  }
}

/** An endless stream of demo mentions, for `replay`. */
export function* demoMentions(feed: DemoFeed): Generator<Record<string, unknown>> {
  for (;;) yield feed.next();
}
