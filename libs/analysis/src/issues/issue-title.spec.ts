import type { ScoredMention } from '@watchfloor/domain';
import { aScoredMention } from '@watchfloor/domain/testing';
import { IssueClusterer } from './issue-clusterer';
import type { IssueSnapshot, ListeningTerms } from './issue-clusterer';
import { echoesByRepostOf, toIssueInput } from './issue-features';

const ACME: ListeningTerms = {
  brandTerms: ['acme air', '@acmeair', '#AcmeAir'],
  queryTerms: ['acme air', '@acmeair', '#AcmeAir', 'northwind'],
};
const MORNING = Date.UTC(2031, 0, 6, 8);
const MINUTE = 60_000;
let author = 0;

function aComplaint(text: string, overrides: Partial<ScoredMention> = {}): ScoredMention {
  author++;
  return aScoredMention({
    text,
    sentiment: { ...aScoredMention().sentiment, label: 'negative', score: -0.7 },
    queryIds: ['acme'],
    author: { handle: `flyer${author}`, followers: 100 + author },
    ...overrides,
  });
}

/** Files the mentions a minute apart and returns the one issue they made. */
function issueOf(clusterer: IssueClusterer, mentions: readonly ScoredMention[]): IssueSnapshot {
  mentions.forEach((mention, index) =>
    clusterer.assign(toIssueInput(mention, MORNING + index * MINUTE, echoesByRepostOf)),
  );
  const issues = clusterer.visibleIssues(MORNING + mentions.length * MINUTE);
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

const LOST_AT_JFK = [
  'Acme Air lost my bag at JFK. Three hours at the carousel',
  '@acmeair lost my bag at JFK again, my kid has no clothes',
  'Lost my bag at JFK, thanks for nothing Acme Air',
  'Acme Air lost my bag at JFK and nobody answers the phone',
  'So @AcmeAir lost my bags at JFK. Honeymoon ruined #AcmeAir',
  'lost my bag at JFK. Northwind never did this to me, Acme Air',
];

describe('an issue title', () => {
  it('names a burst of "lost my bag at JFK" posts by the phrase they share, never by the brand or a query', () => {
    const clusterer = new IssueClusterer(ACME);
    const issue = issueOf(
      clusterer,
      LOST_AT_JFK.map((text) => aComplaint(text)),
    );
    expect(issue.title[0]).toBe('lost my bag at JFK');
    expect(issue.title.join(' · ')).not.toMatch(/acme|northwind/i);
  });

  it('drops a word from titles at once when a query takes it up, and matches on the same features as before', () => {
    const clusterer = new IssueClusterer(ACME);
    const before = issueOf(
      clusterer,
      LOST_AT_JFK.map((text) => aComplaint(text)),
    );
    clusterer.setListeningTerms({ ...ACME, queryTerms: [...ACME.queryTerms, 'JFK'] });
    const [after] = clusterer.visibleIssues(MORNING + LOST_AT_JFK.length * MINUTE);
    expect(after!.id).toBe(before.id);
    expect(after!.title[0]).toBe('lost my bag');
    expect(after!.title.join(' ')).not.toMatch(/jfk/i);
  });

  it('prefers the longer phrase its posts share as often: "flight SK417 cancelled", not "flight SK417"', () => {
    const clusterer = new IssueClusterer(ACME);
    const issue = issueOf(clusterer, [
      aComplaint('Acme Air flight SK417 cancelled with no notice'),
      aComplaint('My flight SK417 cancelled, stuck in Oslo'),
      aComplaint('flight SK417 cancelled again?? @acmeair'),
      aComplaint('Flight SK417 cancelled. Hotel vouchers anyone?'),
    ]);
    expect(issue.title[0]).toBe('flight SK417 cancelled');
    // What else is said fills the title, never the words of the phrase again.
    expect(issue.title.slice(1).join(' ')).not.toMatch(/flight|SK417|cancel/i);
  });

  it('falls back to the most frequent terms when no phrase is shared', () => {
    const clusterer = new IssueClusterer(ACME);
    const issue = issueOf(clusterer, [
      aComplaint('Refund? Still nothing. Acme Air, where is it'),
      aComplaint('Refund pending for eight weeks, Acme Air'),
      aComplaint('Acme Air: refund. Waiting. Again.'),
    ]);
    expect(issue.title[0]).toBe('refund');
    expect(issue.title.every((entry) => !entry.includes(' '))).toBe(true);
  });

  it('gives the same title to the same posts, run after run', () => {
    const run = () =>
      issueOf(
        new IssueClusterer(ACME),
        LOST_AT_JFK.map((text) => aComplaint(text)),
      ).title;
    expect(run()).toEqual(run());
  });
});

describe("an issue's representative post", () => {
  it('is the post closest to the centre, not the loudest outlier', () => {
    const clusterer = new IssueClusterer({ ...ACME, maxSamples: 3 });
    const outlier = aComplaint(
      'Acme Air lost my bag, cancelled my connection, overbooked the return, the lounge was filthy and the crew shrugged',
      { author: { handle: 'celebrity', followers: 2_000_000 } },
    );
    const central = aComplaint('Acme Air lost my bag at JFK, three days and no luggage', {
      author: { handle: 'quiet', followers: 12 },
    });
    const issue = issueOf(clusterer, [
      aComplaint('Lost my bag at JFK with Acme Air, no luggage for three days'),
      outlier,
      aComplaint('@acmeair no luggage, lost my bag at JFK'),
      aComplaint('Acme Air lost my bag at JFK. Three days, still no luggage', {
        author: { handle: 'loud', followers: 50_000 },
      }),
      central,
      aComplaint('lost my bag at JFK, days without luggage @acmeair', {
        author: { handle: 'louder', followers: 90_000 },
      }),
    ]);
    expect(issue.representative.key).not.toBe(`${outlier.platform}:${outlier.externalId}`);
    expect(issue.representative.text).toMatch(/lost my bag at JFK/i);
    // The loudest post is still among the samples, as is the first voice.
    expect(issue.samples.map((sample) => sample.reach)).toEqual(expect.arrayContaining([2_000_000]));
    expect(issue.samples[0]!.text).toBe('Lost my bag at JFK with Acme Air, no luggage for three days');
    expect(issue.samples).toContainEqual(issue.representative);
  });

  it('stays among the samples when louder posts arrive, however quiet it is', () => {
    const clusterer = new IssueClusterer({ ...ACME, maxSamples: 2 });
    const central = aComplaint('Acme Air lost my bag at JFK', { author: { handle: 'quiet', followers: 1 } });
    const loud = (text: string, followers: number) =>
      aComplaint(text, { author: { handle: `loud${followers}`, followers } });
    const issue = issueOf(clusterer, [
      aComplaint('Acme Air lost my bag at JFK, what a start to the trip'),
      central,
      loud('Acme Air lost my bag at JFK, crew rude, seat broken, wifi dead', 10_000),
      loud('Acme Air lost my bag at JFK and the food was cold', 20_000),
      loud('lost my bag at JFK, lounge filthy, gate moved twice @acmeair', 30_000),
    ]);
    // The first voice keeps one slot; the central post the other, though every later post is louder.
    expect(issue.samples).toHaveLength(2);
    expect(issue.representative.key).toBe(`${central.platform}:${central.externalId}`);
  });
});
