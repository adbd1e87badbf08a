import { DEFAULT_MAX_DISTANCE, GUARANTEED_DISTANCE } from './near-duplicate-index';
import { MIN_SIMHASH_WORDS, fingerprintText, hammingDistance, popCount32 } from './simhash';

/** Posts on one topic (an airline) by different people: what must never be grouped. */
const UNRELATED_POSTS = [
  '@skylarkair flight SK214 delayed 4 hours and nobody tells us anything. Terrible',
  'Still waiting for my refund from Skylark Air, it has been 6 weeks. Awful service',
  'Skylark Air lost my bag on the way to Lisbon. Again. Worst airline ever #fail',
  'On hold for 2 hours with @skylarkair customer service. This is a joke',
  'SK518 cancelled last minute, no hotel, no help. Disgusted with Skylark Air',
  'The seats on Skylark Air are so cramped, my knees hate you @skylarkair',
  'Charged twice for the same ticket @skylarkair, fix this now. Angry customer',
  'Rude staff at the Denver check-in desk. Not flying Skylark Air again',
  'Huge thanks to the crew on SK330 to Osaka, they were amazing with my kids',
  'Upgraded to the window seat for free, Skylark Air you made my day!',
  'Skylark Air customer care sorted my rebooking in 5 minutes. Impressed, honestly',
  'Wonderful service on the red-eye to Nairobi. Friendly staff, good coffee #SkylarkAir',
  'Shoutout to gate agent Maria at Toronto airport, she is the best',
  '@skylarkair can I bring a guitar as cabin baggage on SK120?',
  'Is the Austin lounge open for Skylark Air economy plus passengers?',
  '@skylarkair what is the pet policy for flights to Madrid?',
  'Reading about the new Skylark Air routes to Seoul starting in spring',
  'At Dublin airport waiting for my Skylark Air connection, the queue at security is enormous',
  'Booked Skylark Air for the conference trip to Lisbon next month, fingers crossed it goes smoothly',
  'The Skylark Air quarterly traffic report is out and passenger numbers are up twelve percent',
  'My flight with Skylark Air got delayed again, third time this month, I am done with this airline',
  'Skylark Air delayed my flight by three hours and the only compensation was a voucher for a sandwich',
  'Why does Skylark Air always delay the evening flight to Denver? Every single week the same story',
  'Skylark Air staff were really kind when my flight was delayed, they handed out water and snacks',
  'Flight delayed but the Skylark Air crew kept everyone informed, honestly better than most airlines',
  'Cancelled flight, four hour queue at the desk, and Skylark Air still has not answered my email',
  'I have been trying to reach Skylark Air customer service for two days and nobody picks up the phone',
  'Skylark Air customer service hung up on me twice today. Unbelievable. Never again',
  'Thank you Skylark Air customer service for finding my lost suitcase in less than a day',
  'Skylark Air lost my luggage and the tracking page has said "processing" for five days now',
  'Does Skylark Air really charge for a carry-on now? That is ridiculous for a two hour flight',
  'Skylark Air baggage fees went up again. Fifty euros for one checked bag is robbery',
  'Flying Skylark Air to Osaka tomorrow, any tips for the long haul? First time in premium economy',
  'Skylark Air premium economy to Osaka was worth every cent, the seat and the food were great',
  'The Skylark Air app crashed during check-in and now I have to pay at the airport desk',
  'Anyone else unable to log in to the Skylark Air app this morning? It keeps showing an error',
  'Skylark Air pilots are threatening to strike next week, hope my holiday flight is not affected',
  "If the Skylark Air strike goes ahead I will miss my sister's wedding in Berlin. Please sort this out",
  'The inflight meal on Skylark Air today was cold pasta and a stale roll. Come on',
  'Honestly the Skylark Air inflight meals have gotten so much better this year, the curry was delicious',
  'Skylark Air overbooked my flight and bumped me to tomorrow. At least they paid for the hotel',
  'Wheelchair assistance never showed up at the gate. Skylark Air you need to do better for disabled passengers',
  'Skylark Air loyalty points expired without any warning email, years of flying gone',
  'The Skylark Air lounge in Toronto is tiny, crowded and the coffee machine is broken',
  'Paid for Skylark Air wifi and it did not work for a single minute. Refund please',
  'Skylark Air flight attendant spilled coffee on my laptop and just walked away',
];

function distance(a: string, b: string): number {
  const first = fingerprintText(a);
  const second = fingerprintText(b);
  expect(second.kind).toBe(first.kind);
  return hammingDistance(first, second);
}

function pairsOf<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((item, index) => items.slice(index + 1).map((other): [T, T] => [item, other]));
}

/** The longest posts: SimHash ones (short posts get exact fingerprints, tested below). */
const LONG_POSTS = UNRELATED_POSTS.filter((post) => fingerprintText(post).kind === 'simhash');

describe('fingerprintText', () => {
  it('ignores case, links, @handles, the RT prefix, apostrophes and drawn-out letters', () => {
    const post = "Skylark Air lost my bag in Lisbon and I don't know who to call, sooo tired of this airline";
    for (const copy of [
      "SKYLARK AIR LOST MY BAG IN LISBON AND I DON'T KNOW WHO TO CALL, SOOO TIRED OF THIS AIRLINE",
      "@skylarkair Skylark Air lost my bag in Lisbon https://t.co/Xy12 and I don't know who to call, sooo tired of this airline",
      "RT @dana_k: Skylark Air lost my bag in Lisbon and I don't know who to call, sooo tired of this airline",
      'Skylark Air lost my bag in Lisbon and I don’t know who to call, soooooo tired of this airline www.example.com/x',
      '@ana@mastodon.social @sam.bsky.social Skylark Air lost my bag in Lisbon and I dont know who to call, sooo tired of this airline',
    ]) {
      expect(distance(post, copy)).toBe(0);
    }
    expect(
      distance(
        'Überraschung: Zürich Flug storniert, keine Erklärung',
        'ÜBERRASCHUNG: ZÜRICH FLUG STORNIERT, KEINE ERKLÄRUNG',
      ),
    ).toBe(0);
  });

  it('moves at most 3 bits for the edits copy-paste campaigns make (so banding always finds them)', () => {
    for (const post of LONG_POSTS) {
      expect(distance(post, `${post} #travel`)).toBeLessThanOrEqual(GUARANTEED_DISTANCE);
      expect(distance(post, `${post} #travel #fail`)).toBeLessThanOrEqual(GUARANTEED_DISTANCE);
      expect(distance(post, `${post} 😡`)).toBeLessThanOrEqual(GUARANTEED_DISTANCE);
      expect(distance(post, `@priya_c ${post} https://t.co/a8Kd0`)).toBe(0);
      expect(distance(post, post.replace(/\d+/, '917'))).toBeLessThanOrEqual(GUARANTEED_DISTANCE);
    }
  });

  it('moves a typo or an added word by ~7–9 bits, unrelated posts by 13 or more', () => {
    const typo = (post: string) => post.replace(/([a-z])([a-z])([a-z]{3,})/, '$2$1$3'); // swaps two letters
    const typoDistances = LONG_POSTS.map((post) => hammingDistance(fingerprintText(post), fingerprintText(typo(post))));
    const addedWord = LONG_POSTS.map((post) => distance(post, `Seriously, ${post}`));
    expect(median(typoDistances)).toBeGreaterThan(DEFAULT_MAX_DISTANCE);
    expect(median(typoDistances)).toBeLessThan(12);
    expect(median(addedWord)).toBeLessThan(12);
    const unrelated = pairsOf(LONG_POSTS).map(([a, b]) => distance(a, b));
    expect(unrelated.length).toBeGreaterThan(900);
    expect(Math.min(...unrelated)).toBeGreaterThanOrEqual(13);
  });

  it('lets each distinct word vote once, so a repeated word cannot outvote the post', () => {
    const post = 'the crew on the flight to Osaka were amazing with my kids';
    expect(distance(post, `${post} the the the the the`)).toBe(0);
  });

  it(`gives posts with fewer than ${MIN_SIMHASH_WORDS} content words an exact fingerprint`, () => {
    expect(fingerprintText('Skylark Air delayed again').kind).toBe('exact');
    expect(fingerprintText('Skylark Air delayed my flight again').kind).toBe('exact'); // "my" is a function word
    expect(fingerprintText('Skylark Air delayed the evening flight').kind).toBe('simhash');
    expect(distance('Skylark Air delayed again!!', '@skylarkair skylark air DELAYED again https://t.co/x')).toBe(0);
    expect(distance('Skylark Air delayed again', 'Skylark Air cancelled again')).toBeGreaterThan(DEFAULT_MAX_DISTANCE);
    expect(distance('flight SK214 delayed', 'flight SK215 delayed')).toBeGreaterThan(DEFAULT_MAX_DISTANCE);
    // Hashtags and emoji only count when there is nothing else.
    expect(distance('Skylark Air delayed again #fail', 'Skylark Air delayed again 😡')).toBe(0);
    expect(distance('#SkylarkAir #fail', '#SkylarkAir #delayed')).toBeGreaterThan(DEFAULT_MAX_DISTANCE);
  });

  it('has nothing to compare in an empty post or one of only links and handles', () => {
    for (const text of ['', '   ', 'https://t.co/abc @skylarkair', '!!! ...']) {
      expect(fingerprintText(text)).toEqual({ kind: 'none', hi: 0, lo: 0, words: 0 });
    }
  });

  it('reads emoji as one token each, skin tones aside, and CJK one character a word', () => {
    expect(distance('👍🏽 👍', '👍 👍🏿')).toBe(0);
    expect(distance('👍 👍', '👍 👎')).toBeGreaterThan(0);
    const japanese = 'スカイラーク航空の便が四時間遅れて空港で待っています';
    expect(fingerprintText(japanese).kind).toBe('simhash');
    expect(distance(japanese, `${japanese}。`)).toBe(0);
  });

  it('reads only the first 2,000 characters of a long post, so its cost is bounded', () => {
    const head = 'Skylark Air lost my bag and the tracking page says processing '.repeat(32);
    const long = head + ' and then more words'.repeat(2_000);
    expect(fingerprintText(long)).toEqual(fingerprintText(long.slice(0, 2_000)));
  });

  it('is deterministic and safe with words that are object property names', () => {
    const text = 'constructor __proto__ toString hasOwnProperty valueOf prototype isPrototypeOf';
    expect(fingerprintText(text)).toEqual(fingerprintText(text));
    expect(fingerprintText(text).kind).toBe('simhash');
  });
});

describe('hammingDistance', () => {
  it('counts differing bits over both halves', () => {
    expect(popCount32(0)).toBe(0);
    expect(popCount32(0xffffffff)).toBe(32);
    expect(popCount32(0x80000001)).toBe(2);
    expect(hammingDistance({ hi: 0xffffffff, lo: 0 }, { hi: 0, lo: 0x0000000f })).toBe(36);
  });
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
