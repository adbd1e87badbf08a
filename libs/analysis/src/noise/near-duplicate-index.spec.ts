import { mentionKey } from '@watchfloor/domain';
import type { Mention } from '@watchfloor/domain';
import { aMention } from '@watchfloor/domain/testing';
import { DEFAULT_MAX_DISTANCE, GUARANTEED_DISTANCE, NearDuplicateIndex } from './near-duplicate-index';
import { fingerprintText } from './simhash';
import type { TextFingerprint } from './simhash';

/** Posts on one topic by different people (simhash.spec measures more of them). */
const UNRELATED_POSTS = [
  'Still waiting for my refund from Skylark Air, it has been 6 weeks. Awful service',
  'Skylark Air lost my bag on the way to Lisbon. Again. Worst airline ever #fail',
  'Huge thanks to the crew on SK330 to Osaka, they were amazing with my kids',
  'At Dublin airport waiting for my Skylark Air connection, the queue at security is enormous',
  'My flight with Skylark Air got delayed again, third time this month, I am done with this airline',
  'Skylark Air delayed my flight by three hours and the only compensation was a voucher for a sandwich',
  'Skylark Air staff were really kind when my flight was delayed, they handed out water and snacks',
  'Flight delayed but the Skylark Air crew kept everyone informed, honestly better than most airlines',
  'I have been trying to reach Skylark Air customer service for two days and nobody picks up the phone',
  'Skylark Air customer service hung up on me twice today. Unbelievable. Never again',
  'Thank you Skylark Air customer service for finding my lost suitcase in less than a day',
  'Skylark Air baggage fees went up again. Fifty euros for one checked bag is robbery',
  'The Skylark Air app crashed during check-in and now I have to pay at the airport desk',
  'Skylark Air overbooked my flight and bumped me to tomorrow. At least they paid for the hotel',
  'The Skylark Air lounge in Toronto is tiny, crowded and the coffee machine is broken',
  'Paid for Skylark Air wifi and it did not work for a single minute. Refund please',
];

const CAMPAIGN =
  'Skylark Air treats its ground staff like dirt, sign the petition and demand fair wages for airport workers now';
const T0 = Date.parse('2026-11-23T10:00:00Z');

let next = 0;
function post(text: string, overrides: Partial<Mention> = {}): Mention {
  return aMention({ externalId: `p${++next}`, text, ...overrides });
}

/** mulberry32: reproducible random fingerprints for the banding properties. */
function randomBits(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function flipBits(fingerprint: TextFingerprint, count: number, random: () => number): TextFingerprint {
  let { hi, lo } = fingerprint;
  const flipped = new Set<number>();
  while (flipped.size < count) flipped.add(random() % 64);
  for (const bit of flipped) {
    if (bit < 32) hi ^= 1 << bit;
    else lo ^= 1 << (bit - 32);
  }
  return { ...fingerprint, hi: hi >>> 0, lo: lo >>> 0 };
}

/** Share of pairs `flips` bits apart that join one group. */
function joinRate(flips: number, trials: number, options = {}): number {
  const index = new NearDuplicateIndex(options);
  const random = randomBits(flips);
  let joined = 0;
  for (let trial = 0; trial < trials; trial++) {
    const base: TextFingerprint = { kind: 'simhash', hi: random(), lo: random(), words: 9 };
    const first = index.add(post('a'), T0, base);
    const second = index.add(post('b'), T0, flipBits(base, flips, random));
    if (second.groupId === first.groupId) joined++;
  }
  return joined / trials;
}

describe('NearDuplicateIndex', () => {
  it('groups copy-paste variants under the first copy, whatever handle, hashtag, link or emoji they add', () => {
    const index = new NearDuplicateIndex();
    const first = post(CAMPAIGN);
    const copies = [
      `@priya_c ${CAMPAIGN}`,
      `${CAMPAIGN} #boycott`,
      `${CAMPAIGN} https://t.co/9fKq2`,
      `@omar_r ${CAMPAIGN} #travel https://bit.ly/x1 😡`,
      CAMPAIGN.toUpperCase(),
    ].map((text) => post(text));
    expect(index.add(first, T0)).toEqual({ groupId: mentionKey(first), isFirst: true, groupSize: 1 });
    copies.forEach((copy, position) => {
      expect(index.add(copy, T0 + position)).toEqual({
        groupId: mentionKey(first),
        isFirst: false,
        groupSize: position + 2,
      });
    });
  });

  it('keeps unrelated posts on the same topic apart', () => {
    const index = new NearDuplicateIndex();
    for (const text of UNRELATED_POSTS) expect(index.add(post(text), T0).isFirst).toBe(true);
  });

  it(`finds every pair within ${GUARANTEED_DISTANCE} bits: four 16-bit bands, one of them untouched`, () => {
    for (let flips = 0; flips <= GUARANTEED_DISTANCE; flips++) expect(joinRate(flips, 2_000)).toBe(1);
  });

  it(`finds most pairs at 4–${DEFAULT_MAX_DISTANCE} bits and none beyond`, () => {
    expect(joinRate(4, 2_000)).toBeGreaterThan(0.7); // 1 − (1 − C(48,4)/C(64,4))^4 = 0.77
    expect(joinRate(DEFAULT_MAX_DISTANCE, 2_000)).toBeGreaterThan(0.55); // 0.64
    expect(joinRate(DEFAULT_MAX_DISTANCE + 1, 2_000)).toBe(0);
    expect(joinRate(12, 2_000)).toBe(0);
    expect(joinRate(4, 500, { maxDistance: 3 })).toBe(0);
  });

  it('groups short posts only when their words are the same', () => {
    const index = new NearDuplicateIndex();
    const first = post('Cheap followers here, dm me');
    index.add(first, T0);
    expect(index.add(post('cheap followers here dm me #SkylarkAir https://t.co/z'), T0).groupId).toBe(
      mentionKey(first),
    );
    expect(index.add(post('Cheap followers here, call me'), T0).isFirst).toBe(true);
  });

  it('never groups posts that have nothing to compare', () => {
    const index = new NearDuplicateIndex();
    for (let copy = 0; copy < 3; copy++) expect(index.add(post('https://t.co/abc'), T0).isFirst).toBe(true);
    expect(index.size).toBe(0);
  });

  it('forgets posts older than the window', () => {
    const index = new NearDuplicateIndex({ windowMs: 60_000 });
    const first = post(CAMPAIGN);
    index.add(first, T0);
    expect(index.add(post(CAMPAIGN), T0 + 59_000).groupId).toBe(mentionKey(first));
    const late = post(`${CAMPAIGN} #late`);
    // The window is on the index's clock, so the copy at 59 s kept the group alive until 119 s.
    expect(index.add(late, T0 + 120_000)).toEqual({ groupId: mentionKey(late), isFirst: true, groupSize: 1 });
  });

  it('overwrites the oldest entry when full', () => {
    const index = new NearDuplicateIndex({ capacity: 4 });
    index.add(post(CAMPAIGN), T0);
    for (const text of UNRELATED_POSTS.slice(0, 3)) index.add(post(text), T0);
    expect(index.size).toBe(4);
    index.add(post(UNRELATED_POSTS[3]!), T0);
    expect(index.size).toBe(4);
    const copy = post(CAMPAIGN);
    expect(index.add(copy, T0)).toEqual({ groupId: mentionKey(copy), isFirst: true, groupSize: 1 });
  });

  it('holds a flood of one text as one group in one entry', () => {
    const index = new NearDuplicateIndex();
    const first = post(CAMPAIGN);
    index.add(first, T0);
    let last = index.add(post(CAMPAIGN), T0);
    for (let copy = 2; copy < 10_000; copy++) last = index.add(post(`@bot${copy} ${CAMPAIGN}`), T0 + copy);
    expect(last).toEqual({ groupId: mentionKey(first), isFirst: false, groupSize: 10_000 });
    expect(index.size).toBe(1);
  });

  it('gives the same groups on two workers fed the same stream', () => {
    const stream = [...UNRELATED_POSTS, CAMPAIGN, `${CAMPAIGN} #x`, UNRELATED_POSTS[3]!].map((text) => post(text));
    const [one, two] = [new NearDuplicateIndex(), new NearDuplicateIndex()];
    expect(stream.map((mention) => one.add(mention))).toEqual(stream.map((mention) => two.add(mention)));
  });

  it('recognises a retried first post instead of counting it twice', () => {
    const index = new NearDuplicateIndex();
    const first = post(CAMPAIGN);
    index.add(first, T0);
    index.add(post(`${CAMPAIGN} #again`), T0);
    expect(index.add(first, T0)).toEqual({ groupId: mentionKey(first), isFirst: true, groupSize: 2 });
  });

  it('names the group a text would join without joining it', () => {
    const index = new NearDuplicateIndex();
    const first = post(CAMPAIGN);
    index.add(first, T0);
    const size = index.size;
    expect(index.find({ kind: 'simhash', hi: 0, lo: 0, words: 9 })).toBeUndefined();
    expect(index.find(fingerprintText(`RT @ana: ${CAMPAIGN}`))).toEqual({ groupId: mentionKey(first), groupSize: 1 });
    expect(index.size).toBe(size);
  });
});
