import type { ScoredMention, Sentiment } from '@watchfloor/domain';
import { aScoredMention } from '@watchfloor/domain/testing';
import { IssueClusterer } from './issue-clusterer';
import type { IssueInput } from './issue-features';
import { echoesByRepostOf, extractFeatures, toIssueInput } from './issue-features';

const BRAND = ['Skylark Air', '@skylarkair', '#SkylarkAir'];
const MORNING = Date.UTC(2031, 0, 6, 8);
const MINUTE = 60_000;
let author = 0;

/** The factory's sentiment with another label: whatever else a reading carries stays valid. */
function aSentiment(label: Sentiment['label'], score: number): Sentiment {
  return { ...aScoredMention().sentiment, label, score };
}

/** A negative complaint by a new person at `at`: different people, different words. */
function aComplaint(text: string, at: number, overrides: Partial<ScoredMention> = {}): IssueInput {
  author++;
  const mention = aScoredMention({
    text,
    sentiment: aSentiment('negative', -0.6),
    queryIds: ['brand'],
    author: { handle: `person${author}`, followers: 100 * author },
    ...overrides,
  });
  return toIssueInput(mention, at, echoesByRepostOf);
}

const LOST_BAGS = [
  'Skylark Air lost my bag on the way to Lisbon. Worst airline ever',
  '@skylarkair you lost my bag AGAIN, three days in Denver with no luggage',
  'Landed in Osaka, my bag is lost and nobody at @skylarkair can find it',
  'Lost bag number two this year with Skylark Air. Where is my luggage?',
  'Still no sign of my lost bag, Skylark Air. Terrible baggage service',
  'My bag got lost on the Madrid flight, @skylarkair please help',
];
const RUDE_AGENTS = [
  'The agent at the Skylark Air desk in Dublin was so rude to my mother',
  'Rude gate agent at @skylarkair, yelled at a passenger for asking a question',
  'Never met an agent as rude as the one at Skylark Air check-in today',
];
const LATE_REFUNDS = [
  'Still waiting for my Skylark Air refund after 8 weeks',
  '@skylarkair where is my refund? Cancelled flight in March, still nothing',
  'Refund delay again, Skylark Air owes me 400 euros and it has been weeks',
];

describe('IssueClusterer', () => {
  it('puts lost-bag complaints from different people together, apart from a rude agent and a late refund', () => {
    const clusterer = new IssueClusterer({ brandTerms: BRAND });
    // Interleaved over the day, as they would arrive.
    const texts = LOST_BAGS.flatMap((bag, index) => [bag, RUDE_AGENTS[index % 3]!, LATE_REFUNDS[(index + 1) % 3]!]);
    const issueOf = new Map<string, string>();
    texts.forEach((text, index) => {
      issueOf.set(text, clusterer.assign(aComplaint(text, MORNING + index * 20 * MINUTE))!.issueId);
    });
    const bagIssues = new Set(LOST_BAGS.map((text) => issueOf.get(text)));
    const rudeIssues = new Set(RUDE_AGENTS.map((text) => issueOf.get(text)));
    const refundIssues = new Set(LATE_REFUNDS.map((text) => issueOf.get(text)));
    expect([bagIssues.size, rudeIssues.size]).toEqual([1, 1]);
    // Refund posts that share only the word "refund" out of five may stay apart; never with the others.
    expect(refundIssues.size).toBeLessThanOrEqual(2);
    expect(new Set([...bagIssues, ...rudeIssues, ...refundIssues]).size).toBe(2 + refundIssues.size);
    const bags = clusterer.visibleIssues(MORNING + 6 * 60 * MINUTE).find((issue) => bagIssues.has(issue.id))!;
    expect(bags.title[0]).toBe('lost my bag');
    expect(bags.title.join(' ')).not.toMatch(/skylark/i);
    expect(bags).toMatchObject({ voices: 6, volume: 6, negativeShare: 1, queryIds: ['brand'] });
  });

  it('does not show an issue for one post: it emerges at the third voice, handing over the earlier two', () => {
    const clusterer = new IssueClusterer({ brandTerms: BRAND });
    const first = clusterer.assign(aComplaint(LOST_BAGS[0]!, MORNING));
    expect(first).toMatchObject({ visible: false, emerged: false });
    expect(clusterer.visibleIssues(MORNING)).toEqual([]);
    expect(clusterer.drainUpdates(MORNING).updated).toEqual([]);
    clusterer.assign(aComplaint(LOST_BAGS[1]!, MORNING + MINUTE));
    const third = clusterer.assign(aComplaint(LOST_BAGS[2]!, MORNING + 2 * MINUTE));
    expect(third).toMatchObject({ issueId: first!.issueId, visible: true, emerged: true });
    expect(third!.backlog).toEqual([
      { at: MORNING, negative: true },
      { at: MORNING + MINUTE, negative: true },
    ]);
    const [issue] = clusterer.drainUpdates(MORNING + 2 * MINUTE).updated;
    expect(issue).toMatchObject({ id: first!.issueId, firstSeen: MORNING, lastSeen: MORNING + 2 * MINUTE });
    expect(issue!.velocity).toBeCloseTo(3 / 5, 5);
    expect(clusterer.drainUpdates(MORNING + 3 * MINUTE).updated).toEqual([]);
  });

  it('counts reposts as volume and reach, never as voices, and never starts an issue from one', () => {
    const clusterer = new IssueClusterer({ brandTerms: BRAND });
    const repost = (text: string, at: number) =>
      aComplaint(`RT @someone: ${text}`, at, { repostOfId: 'original', author: { handle: 'fan', followers: 50_000 } });
    expect(clusterer.assign(repost(LATE_REFUNDS[0]!, MORNING))).toBeUndefined();
    LOST_BAGS.slice(0, 3).forEach((text, index) => clusterer.assign(aComplaint(text, MORNING + index * MINUTE)));
    const echo = clusterer.assign(repost(LOST_BAGS[0]!, MORNING + 4 * MINUTE));
    const [issue] = clusterer.visibleIssues(MORNING + 4 * MINUTE);
    expect(echo?.issueId).toBe(issue!.id);
    expect(issue).toMatchObject({ voices: 3, volume: 4 });
    expect(issue!.reach).toBe(50_000 + [...issue!.samples].reduce((sum, sample) => sum + sample.reach, 0));
  });

  it('ignores praise and takes a neutral post that is risky', () => {
    const clusterer = new IssueClusterer({ brandTerms: BRAND });
    const praise = aComplaint('Lovely crew on the Lisbon flight', MORNING, { sentiment: aSentiment('positive', 0.7) });
    const risky = aComplaint('Skylark Air SK417 made an emergency landing in Denver', MORNING, {
      sentiment: aSentiment('neutral', 0),
    });
    expect(clusterer.assign(praise)).toBeUndefined();
    expect(clusterer.assign(risky)).toBeDefined();
  });

  it('gives the same issue ids to the same mentions, run after run', () => {
    const run = () => {
      const clusterer = new IssueClusterer({ brandTerms: BRAND });
      return LOST_BAGS.map((text, index) =>
        clusterer.assign({ ...aComplaint(text, MORNING + index * MINUTE), key: `twitter:${index}` }),
      );
    };
    expect(run()).toEqual(run());
  });

  it('stays bounded: caps open issues, drops quiet forming ones and closes idle visible ones', () => {
    const clusterer = new IssueClusterer({ brandTerms: BRAND, maxOpenIssues: 5, maxSamples: 2 });
    LOST_BAGS.forEach((text, index) => clusterer.assign(aComplaint(text, MORNING + index * MINUTE)));
    const unrelated = ['printer jam', 'volcano ash', 'jazz band', 'origami crane', 'glacier melt', 'tuba solo'];
    unrelated.forEach((text, index) => clusterer.assign(aComplaint(text, MORNING + index * 1_000)));
    expect(clusterer.openIssues).toBe(5);
    const [bags] = clusterer.visibleIssues(MORNING + 10 * MINUTE);
    expect(bags!.samples).toHaveLength(2);
    // Forming issues go after 6 quiet hours, visible ones close after 12.
    clusterer.sweep(MORNING + 7 * 60 * MINUTE);
    expect(clusterer.openIssues).toBe(1);
    clusterer.sweep(MORNING + 13 * 60 * MINUTE);
    expect(clusterer.openIssues).toBe(0);
    expect(clusterer.drainUpdates(MORNING + 13 * 60 * MINUTE).closed).toMatchObject([
      { id: bags!.id, status: 'closed' },
    ]);
  });
});

describe('extractFeatures', () => {
  it('finds words, hashtags, handles, links, names and codes, without stopwords or the brand', () => {
    const brand = new Set(BRAND.flatMap((term) => [...extractFeatures(term, new Set()).keys()]));
    const features = extractFeatures(
      'Skylark Air flight sk417 diverted to Denver International, bags stuck. @FAA #SK417 https://www.news.example/sk417/?utm=x',
      brand,
    );
    expect([...features.keys()].sort()).toEqual(
      ['#sk417', '@faa', 'SK417', 'bag', 'denver', 'denver international', 'diverted', 'flight'].concat([
        'international',
        'news.example/sk417',
        'stuck',
      ]),
    );
    expect(features.get('SK417')).toBeGreaterThan(features.get('stuck')!);
  });
});
