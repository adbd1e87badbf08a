import type { Mention, Platform } from '@watchfloor/domain';
import { DemoFeed } from './demo-feed';
import { DEMO_BRAND, FIRST_NAMES, LAST_NAMES } from './demo-feed-script';
import { SeededRandom } from './seeded-random';

/**
 * A day of the demo brand's traffic in simulated time, with scripted crises that can be injected
 * at any simulated moment: for replays and for testing spike detection. Nothing sleeps: every
 * mention carries its simulated time, so a day replays in well under a second.
 */

/** Traffic by hour of the (UTC) day relative to the day's mean: quiet at night, busy by day. */
export const DIURNAL_CURVE: readonly number[] = [
  0.5, 0.35, 0.25, 0.2, 0.2, 0.3, 0.55, 0.9, 1.2, 1.4, 1.5, 1.55, 1.6, 1.6, 1.55, 1.5, 1.5, 1.55, 1.6, 1.55, 1.4, 1.2,
  0.95, 0.7,
];

export type CrisisTone = 'negative' | 'neutral' | 'positive';

export interface CrisisScript {
  name: string;
  /**
   * Crisis mentions per minute as a multiple of the day's mean rate, by minutes since onset:
   * linear between keyframes, zero after the last. News does not wait for office hours, so the
   * volume is the same at 03:00 and at 13:00; against the night's trickle it is a bigger jump.
   */
  keyframes: readonly (readonly [minutes: number, multipleOfMean: number])[];
  /** Shares of crisis mentions that repeat an earlier crisis post: platform reposts, and near-copies. */
  repostShare: number;
  nearCopyShare: number;
  /** Fresh posts; `{brand}` and `{handle}` are filled like the demo feed's. */
  posts: readonly (readonly [text: string, tone: CrisisTone])[];
}

/** An emergency landing of `flight` at `city`: eyewitnesses at once, the wave within 3 minutes, two more surges, a tail. */
export function emergencyLanding(flight: string, city: string): CrisisScript {
  const tag = `#${flight}`;
  return {
    name: `${flight.toLowerCase()}-emergency-landing`,
    keyframes: [
      [0, 1],
      [1, 3],
      [3, 6],
      [8, 4],
      [12, 7],
      [17, 3.5],
      [22, 6],
      [30, 2],
      [45, 0.5],
      [60, 0],
    ],
    repostShare: 0.4,
    nearCopyShare: 0.25,
    posts: [
      [`{brand} flight ${flight} just made an emergency landing in ${city}, smoke in the cabin ${tag}`, 'negative'],
      [`Passengers evacuated on the slides from ${flight} at ${city}. Terrifying ${tag}`, 'negative'],
      [`My brother is on ${flight}, emergency landing and no word from @{handle}. Scared and angry`, 'negative'],
      [`Why is {brand} silent about ${flight}? People were hurt ${tag}`, 'negative'],
      [`Smoke in the cabin on ${flight}, the second emergency landing for {brand} this year. Never again`, 'negative'],
      [`Video of the ${flight} evacuation in ${city} is horrifying ${tag}`, 'negative'],
      [`{brand} statement on ${flight} expected within the hour ${tag}`, 'neutral'],
      [`Thank god everyone on ${flight} is safe, the crew did an amazing job ${tag}`, 'positive'],
    ],
  };
}

/** A customer data leak under `hashtag`: a slower start (people check their accounts first), then a plateau. */
export function dataBreach(hashtag: string): CrisisScript {
  return {
    name: `data-breach-${hashtag.slice(1).toLowerCase()}`,
    keyframes: [
      [0, 0.5],
      [2, 2],
      [5, 4],
      [20, 4],
      [40, 1],
      [60, 0],
    ],
    repostShare: 0.35,
    nearCopyShare: 0.2,
    posts: [
      [`{brand} data breach: passport numbers leaked, check your email ${hashtag}`, 'negative'],
      [`Is {brand} hacked? My account shows bookings I never made ${hashtag}`, 'negative'],
      ['Got a phishing email with my booking reference right after the @{handle} leak. Furious', 'negative'],
      [`{brand} confirms a security incident affecting customer data ${hashtag}`, 'neutral'],
      [`Changing all my passwords after the {brand} breach. Terrible security ${hashtag}`, 'negative'],
    ],
  };
}

export const SK417_EMERGENCY_LANDING: CrisisScript = emergencyLanding('SK417', 'Denver');
export const DATA_BREACH: CrisisScript = dataBreach('#SkylarkLeak');

export interface CrisisInjection {
  script: CrisisScript;
  /** Simulated onset, epoch ms. */
  onsetAt: number;
}

export interface SimulatedDayOptions {
  /** Seeds the normal traffic; crises draw from a separate stream, so injecting one leaves the day unchanged. */
  seed: number;
  /** Where the simulation starts, epoch ms; the diurnal curve follows the UTC time of day. */
  startAt: number;
  /** Mean mentions per second over the day, reposts included. */
  meanPerSecond: number;
  /** Share of normal mentions that are reposts of a recent one. */
  repostShare?: number;
  crises?: readonly CrisisInjection[];
  /** How much to simulate (default: 24 hours). */
  durationMs?: number;
}

export interface SimulatedMention {
  /** Simulated arrival time, epoch ms: the replay's clock. */
  at: number;
  mention: Mention;
  /** The crisis the mention belongs to, and its scripted tone: ground truth for tests. */
  crisis?: string;
  tone?: CrisisTone;
}

const DAY_MS = 86_400_000;
const CURVE_MEAN = DIURNAL_CURVE.reduce((sum, value) => sum + value, 0) / DIURNAL_CURVE.length;
const ECHO_PLATFORMS: readonly (readonly [Platform, number])[] = [
  ['twitter', 60],
  ['bluesky', 25],
  ['mastodon', 15],
];
const CRISIS_OPENERS: readonly string[] = [
  '',
  'Just heard: ',
  'OMG ',
  'Seriously? ',
  'My sister texted me: ',
  'Breaking for us travellers: ',
  'Can someone confirm? ',
  'Not again. ',
  'Reading the news on the train: ',
  'Wait what, ',
];
const CRISIS_CLOSERS: readonly string[] = [
  '',
  ' so worried right now',
  ' what is going on',
  ' praying for everyone involved',
  ' my family flies tomorrow',
  ' absolutely shocking',
  ' no statement from them yet',
  ' this needs answers today',
  ' cancelling my trip',
  ' hope people are ok',
];
const NEAR_COPY_EDITS: readonly (readonly [string, string])[] = [
  ['Wow. ', ''],
  ['', ' 😱'],
  ['', '!!'],
  ['This is scary: ', ''],
  ['', ' Anyone else seeing this?'],
  ['Unbelievable. ', ''],
];

/** The script's rate at `minutes` after onset, as a multiple of the day's mean. */
export function crisisMultiple(script: CrisisScript, minutes: number): number {
  const frames = script.keyframes;
  if (minutes < 0 || frames.length === 0 || minutes > frames[frames.length - 1]![0]) return 0;
  for (let index = 1; index < frames.length; index++) {
    const [toMinute, toValue] = frames[index]!;
    if (minutes > toMinute) continue;
    const [fromMinute, fromValue] = frames[index - 1]!;
    return fromValue + ((toValue - fromValue) * (minutes - fromMinute)) / Math.max(toMinute - fromMinute, 1e-9);
  }
  return frames[0]![1];
}

/** The diurnal multiple at `at`, interpolated between hour midpoints (the curve's mean is 1). */
export function diurnalMultiple(at: number): number {
  const position = ((((at % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000 - 0.5 + 24) % 24;
  const lower = Math.floor(position);
  const before = DIURNAL_CURVE[lower]!;
  const after = DIURNAL_CURVE[(lower + 1) % 24]!;
  return (before + (after - before) * (position - lower)) / CURVE_MEAN;
}

/**
 * The day, second by second: Poisson arrivals at the diurnal rate from the demo feed, some of
 * them reposts, plus each crisis's own arrivals, in time order.
 */
export function* simulateDay(options: SimulatedDayOptions): Generator<SimulatedMention> {
  const { seed, startAt, meanPerSecond, repostShare = 0.12, crises = [], durationMs = DAY_MS } = options;
  const normal = new EchoMaker(seed, new SeededRandom(seed ^ 0x2545f491));
  const crisis = new EchoMaker(seed ^ 0x5bd1e995, new SeededRandom(seed ^ 0x5bd1e995));
  const feed = new DemoFeed(seed);
  const batch: SimulatedMention[] = [];
  for (let second = startAt; second < startAt + durationMs; second += 1_000) {
    const arrivals = poisson(normal.random, meanPerSecond * diurnalMultiple(second));
    for (let index = 0; index < arrivals; index++) {
      const at = second + Math.floor(normal.random.next() * 1_000);
      const echo = normal.random.next() < repostShare ? normal.repost(at) : undefined;
      // DemoFeed builds Mention-shaped records (its spec and ours validate them).
      const mention = echo ?? (feed.next(new Date(at)) as unknown as Mention);
      if (echo === undefined) normal.remember(mention);
      batch.push({ at, mention });
    }
    for (const { script, onsetAt } of crises) {
      const expected = meanPerSecond * crisisMultiple(script, (second - onsetAt) / 60_000);
      for (let count = poisson(crisis.random, expected); count > 0; count--) {
        const at = Math.max(onsetAt, second + Math.floor(crisis.random.next() * 1_000));
        batch.push({ at, ...crisis.crisisPost(script, at) });
      }
    }
    batch.sort((a, b) => a.at - b.at);
    yield* batch;
    batch.length = 0;
  }
}

/** Just the mentions, for `watchfloor replay`. */
export function* simulatedMentions(options: SimulatedDayOptions): Generator<Mention> {
  for (const { mention } of simulateDay(options)) yield mention;
}

/** Makes reposts and crisis posts by a crowd of authors, from its own random stream. */
class EchoMaker {
  private readonly recent: Mention[] = [];
  /** Each crisis's own posts so far, which its reposts and near-copies repeat. */
  private readonly crisisOriginals = new Map<string, (readonly [Mention, CrisisTone])[]>();
  private sequence = 0;
  private remembered = 0;

  constructor(
    private readonly seed: number,
    readonly random: SeededRandom,
  ) {}

  remember(mention: Mention): void {
    // The last 200 posts: reposts go to what is being read now, not to last week's posts.
    this.recent[this.remembered++ % 200] = mention;
  }

  repost(at: number): Mention | undefined {
    if (this.recent.length === 0) return undefined;
    return this.echoOf(this.random.pick(this.recent), at);
  }

  crisisPost(script: CrisisScript, at: number): { mention: Mention; crisis: string; tone: CrisisTone } {
    const roll = this.random.next();
    let originals = this.crisisOriginals.get(script.name);
    if (originals === undefined) this.crisisOriginals.set(script.name, (originals = []));
    if (originals.length > 0 && roll < script.repostShare + script.nearCopyShare) {
      const [original, tone] = this.random.pick(originals);
      if (roll < script.repostShare) return { mention: this.echoOf(original, at), crisis: script.name, tone };
      const [prefix, suffix] = this.random.pick(NEAR_COPY_EDITS);
      const mention = this.post(`${prefix}${original.text}${suffix}`, at);
      return { mention, crisis: script.name, tone };
    }
    const [template, tone] = this.random.pick(script.posts);
    const core = template
      .replace('{brand}', this.random.next() < 0.5 ? DEMO_BRAND.name : `@${DEMO_BRAND.handle}`)
      .replace('{handle}', DEMO_BRAND.handle);
    // People tell the same news in their own words: an opener and a closer of their own, so the
    // noise filter sees distinct voices (its near-copies are the scripted copies above).
    const text = `${this.random.pick(CRISIS_OPENERS)}${core}${this.random.pick(CRISIS_CLOSERS)}`;
    const mention = this.post(text, at);
    if (originals.length < 500) originals.push([mention, tone]);
    return { mention, crisis: script.name, tone };
  }

  private echoOf(original: Mention, at: number): Mention {
    const text = original.platform === 'twitter' ? `RT @${original.author.handle}: ${original.text}` : original.text;
    return { ...this.post(text, at, original.platform), repostOfId: original.externalId };
  }

  private post(text: string, at: number, platform = this.random.weighted(ECHO_PLATFORMS)): Mention {
    const id = `${this.seed.toString(36)}-e${(this.sequence++).toString(36)}`;
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    const handle = `${first}${last}${this.random.int(0, 100_000)}`.toLowerCase();
    // Log-uniform reach from 10 to ~1M followers, like the demo feed's authors.
    const followers = Math.round(10 ** (1 + this.random.next() * 5));
    const createdAt = new Date(at).toISOString();
    return {
      platform,
      externalId: id,
      source: 'demo',
      url: urlFor(platform, handle, id),
      text,
      createdAt,
      author: { handle, name: `${first} ${last}`, followers },
      lang: 'en',
      raw: { id, text, created_at: createdAt },
    };
  }
}

function urlFor(platform: Platform, handle: string, id: string): string {
  switch (platform) {
    case 'bluesky':
      return `https://bsky.app/profile/${handle}.bsky.social/post/${id}`;
    case 'mastodon':
      return `https://mastodon.social/@${handle}/${id}`;
    case 'reddit':
      return `https://www.reddit.com/r/travel/comments/${id}/`;
    case 'rss':
      return `https://news.example.com/skylark/${id}`;
    case 'twitter':
      return `https://x.com/${handle}/status/${id}`;
  }
}

/** Knuth's product method for small means, a rounded normal beyond 30 (exp(-λ) underflows past ~700). */
function poisson(random: SeededRandom, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
  }
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random.next(); product > limit; product *= random.next()) count++;
  return count;
}
