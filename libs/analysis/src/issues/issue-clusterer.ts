import type { IssueInput } from './issue-features';
import { DocumentFrequencies, extractFeatures, isNegativeOrRisky } from './issue-features';
import { countPhrases, extractPhrases } from './issue-phrases';
import type { PhraseCount } from './issue-phrases';
import { keepSample, plainSample, representativeOf, toKeptSample } from './issue-samples';
import type { IssueSample, KeptSample } from './issue-samples';
import { issueTitle } from './issue-title';

export type { IssueSample } from './issue-samples';

/** What the enabled listening queries say to look for: read from them, and again when they change. */
export interface ListeningTerms {
  /** The brand's names, handles and hashtags: in every mention, so they say nothing about the issue. */
  brandTerms: readonly string[];
  /**
   * Every enabled query's terms, brand and competitor: they brought the mentions in, so they name no
   * issue's topic. Kept out of titles only; matching still uses them, bar the brand's (a competitor's
   * name or a query's "refund" can tell two complaints apart).
   */
  queryTerms: readonly string[];
}

export interface IssueClustererOptions extends ListeningTerms {
  /**
   * Cosine between mention and issue centroid needed to join, else the mention starts an issue.
   * Two lost-bag posts sharing "lost" and "bag" out of five words each measure 0.33: 0.35 split them.
   */
  joinSimilarity: number;
  /**
   * The lower cosine enough when the mention shares an anchor (a rare hashtag, code, link or name)
   * that at least half of the issue's voices carry: one event told in different words ("#SK417
   * evacuated on the slides", "SK417 emergency landing") shares little else.
   */
  anchorSimilarity: number;
  /** New voices before an issue is visible ("emerging"): one angry post is not an issue. */
  minVoices: number;
  /**
   * Silence after which a forming issue is dropped (6 h: complaints hours apart on the same day
   * still meet; at 30 min the lost-bag posts of a day never did) and a visible one closes (12 h:
   * a quiet night does not end the day's issue).
   */
  formingIdleMs: number;
  idleMs: number;
  /** Issues held at once, forming and visible (measured ~4 KB each): the least recently active go first. */
  maxOpenIssues: number;
  /** Features kept per issue (space-saving): a title needs 5, matching lives on the top ~20. */
  maxTermsPerIssue: number;
  /**
   * Title phrases counted per issue (space-saving), and taken from one post: a tweet holds ~15, so
   * 40 slots keep any phrase that one in five posts shares. Measured ~9 KB for a full table; a
   * forming issue of one post holds none (see `add`).
   */
  maxPhrasesPerIssue: number;
  maxPhrasesPerPost: number;
  maxSamples: number;
  velocityMinutes: number;
  /** A feature held by more open issues than this is too common to propose candidates (bounds the cost). */
  maxPostings: number;
  /** Documents after which document frequencies halve: ~1.5 days of negatives at the demo's rate. */
  documentHalfLife: number;
  isCandidate: (input: IssueInput) => boolean;
}

export const DEFAULT_ISSUE_OPTIONS: Omit<IssueClustererOptions, 'brandTerms' | 'queryTerms'> = {
  joinSimilarity: 0.25,
  anchorSimilarity: 0.15,
  minVoices: 3,
  formingIdleMs: 6 * 3_600_000,
  idleMs: 12 * 3_600_000,
  maxOpenIssues: 5_000,
  maxTermsPerIssue: 48,
  maxPhrasesPerIssue: 40,
  maxPhrasesPerPost: 20,
  maxSamples: 5,
  velocityMinutes: 5,
  maxPostings: 200,
  documentHalfLife: 20_000,
  isCandidate: isNegativeOrRisky,
};

export interface IssueSnapshot {
  /** `issue-<hash of the first mention's key>`: a replay yields the same ids. */
  id: string;
  status: 'emerging' | 'closed';
  firstSeen: number;
  lastSeen: number;
  /** Mentions, echoes included, and new voices among them. */
  volume: number;
  voices: number;
  negativeShare: number;
  reach: number;
  /** New voices per minute over the last `velocityMinutes`. */
  velocity: number;
  /**
   * What it is about, the entry that names it best first: its most shared phrases ("lost my bag",
   * "flight SK417 cancelled"), then its heaviest features (words, #hashtags, @handles, codes); never
   * the brand's or a listening query's terms.
   */
  title: string[];
  samples: IssueSample[];
  /** The sample closest to the issue's centre (its features against the issue's), not merely the loudest. */
  representative: IssueSample;
  queryIds: string[];
}

export interface IssueAssignment {
  issueId: string;
  visible: boolean;
  /** True on the mention that made the issue visible: `backlog` then holds its earlier voices. */
  emerged: boolean;
  backlog: readonly { at: number; negative: boolean }[];
}

interface Term {
  count: number;
  /** The feature's weight when it entered the issue: the centroid's norm is kept with these. */
  weight: number;
}

interface Issue {
  id: string;
  firstSeen: number;
  lastSeen: number;
  volume: number;
  voices: number;
  negatives: number;
  reach: number;
  terms: Map<string, Term>;
  /** Σ (weight × count)² over `terms`: the squared norm of the unnormalized centroid. */
  norm2: number;
  phrases: Map<string, PhraseCount>;
  samples: KeptSample[];
  minutes: number[];
  minuteCounts: number[];
  queryIds: Set<string>;
  visible: boolean;
  backlog: { at: number; negative: boolean }[];
}

/** IDF of a feature in 2 % of recent negative posts. */
const RARE_IDF = Math.log(50);

/**
 * Clusters negative and risky mentions into issues, one pass per mention: features (salient
 * words, hashtags, @handles, links, capitalized names, codes like SK417) weighted by a capped
 * IDF, candidates from an inverted index of open issues, cosine against each candidate's
 * centroid. Bounded: a capped vocabulary per issue, capped open issues, idle ones dropped.
 */
export class IssueClusterer {
  readonly options: IssueClustererOptions;
  /** Kept out of features (so out of matching): the brand's terms as features. */
  private brand = new Set<string>();
  /** Kept out of titles: every query's terms as features and as written ("o2" is no feature). */
  private titleExcluded = new Set<string>();
  /** Least recently active first (re-inserted on each update), so eviction reads from the front. */
  private readonly forming = new Map<string, Issue>();
  private readonly visible = new Map<string, Issue>();
  private readonly postings = new Map<string, Set<Issue>>();
  private readonly vocabulary: DocumentFrequencies;
  private changed = new Set<Issue>();
  private closed: IssueSnapshot[] = [];
  private lastSweep = 0;

  constructor(options: Partial<IssueClustererOptions> & Pick<IssueClustererOptions, 'brandTerms'>) {
    this.options = { ...DEFAULT_ISSUE_OPTIONS, queryTerms: [], ...options };
    this.setListeningTerms(this.options);
    this.vocabulary = new DocumentFrequencies(this.options.documentHalfLife);
  }

  /** The queries changed: later mentions are matched without the new brand terms, every title from now on. */
  setListeningTerms({ brandTerms, queryTerms }: ListeningTerms): void {
    const asFeatures = (term: string) => [...extractFeatures(term, new Set()).keys()];
    this.brand = new Set(brandTerms.flatMap(asFeatures));
    const written = (term: string) =>
      term
        .toLowerCase()
        .split(/[\s#@]+/)
        .filter((word) => word.length > 0);
    this.titleExcluded = new Set(
      [...brandTerms, ...queryTerms].flatMap((term) => [...asFeatures(term), ...written(term), term.toLowerCase()]),
    );
  }

  get openIssues(): number {
    return this.forming.size + this.visible.size;
  }

  /** Files a mention under an issue, or returns undefined if it is not a candidate (or an unmatched echo). */
  assign(input: IssueInput): IssueAssignment | undefined {
    if (input.at - this.lastSweep >= 60_000) this.sweep(input.at);
    if (!this.options.isCandidate(input)) return undefined;
    const features = extractFeatures(input.text, this.brand);
    if (features.size === 0) return undefined;
    const weights = new Map<string, number>();
    let mentionNorm2 = 0;
    for (const [feature, salience] of features) {
      const weight = salience * this.vocabulary.idf(feature);
      weights.set(feature, weight);
      mentionNorm2 += weight * weight;
    }
    let issue = this.bestMatch(features, weights, Math.sqrt(mentionNorm2));
    if (!input.echo) this.vocabulary.count(features.keys());
    if (issue === undefined) {
      if (input.echo) return undefined;
      issue = this.create(input);
    }
    return this.add(issue, input, weights);
  }

  /** Closes visible issues idle for `idleMs` and drops forming ones idle for `formingIdleMs`. */
  sweep(now: number): void {
    this.lastSweep = now;
    for (const issue of this.forming.values()) {
      if (now - issue.lastSeen < this.options.formingIdleMs) break;
      this.drop(issue);
    }
    for (const issue of this.visible.values()) {
      if (now - issue.lastSeen < this.options.idleMs) break;
      this.drop(issue);
    }
  }

  /** Visible issues changed since the last call, and those closed: publish these at a bounded rate. */
  drainUpdates(now: number): { updated: IssueSnapshot[]; closed: IssueSnapshot[] } {
    const updated = [...this.changed].filter((issue) => issue.visible).map((issue) => this.snapshot(issue, now));
    const closed = this.closed;
    this.changed = new Set();
    this.closed = [];
    return { updated, closed };
  }

  visibleIssues(now: number): IssueSnapshot[] {
    return [...this.visible.values()].map((issue) => this.snapshot(issue, now));
  }

  private bestMatch(features: Map<string, number>, weights: Map<string, number>, norm: number): Issue | undefined {
    const dots = new Map<Issue, number>();
    const anchored = new Set<Issue>();
    for (const [feature, weight] of weights) {
      const holders = this.postings.get(feature);
      if (holders === undefined || holders.size > this.options.maxPostings) continue;
      const salience = features.get(feature)!;
      const rare = weight >= salience * RARE_IDF;
      // A hashtag anchors only while rare (#SK417 at onset, never #neveragain); a code, link or
      // name also once two voices carry it (SK417 again, the day after an earlier SK417 crisis).
      const anchor = salience > 1 && (rare || !feature.startsWith('#'));
      for (const issue of holders) {
        const term = issue.terms.get(feature)!;
        dots.set(issue, (dots.get(issue) ?? 0) + weight * term.weight * term.count);
        if (anchor && (rare || term.count >= 2) && term.count * 2 >= issue.voices) anchored.add(issue);
      }
    }
    const { joinSimilarity, anchorSimilarity } = this.options;
    let best: Issue | undefined;
    let bestSimilarity = 0;
    for (const [issue, dot] of dots) {
      const similarity = dot / (norm * Math.sqrt(issue.norm2));
      if (similarity < (anchored.has(issue) ? anchorSimilarity : joinSimilarity)) continue;
      if (similarity > bestSimilarity) [best, bestSimilarity] = [issue, similarity];
    }
    return best;
  }

  private create(input: IssueInput): Issue {
    if (this.openIssues >= this.options.maxOpenIssues) {
      const oldest = this.forming.values().next().value ?? this.visible.values().next().value;
      if (oldest !== undefined) this.drop(oldest);
    }
    let id = `issue-${hash53(input.key)}`;
    // The same mention key twice (a replay) must not overwrite the issue it started.
    while (this.forming.has(id) || this.visible.has(id)) id = `${id}x`;
    const issue: Issue = {
      id,
      firstSeen: input.at,
      lastSeen: input.at,
      volume: 0,
      voices: 0,
      negatives: 0,
      reach: 0,
      terms: new Map(),
      norm2: 0,
      phrases: new Map(),
      samples: [],
      minutes: [],
      minuteCounts: [],
      queryIds: new Set(),
      visible: false,
      backlog: [],
    };
    this.forming.set(issue.id, issue);
    return issue;
  }

  private add(issue: Issue, input: IssueInput, weights: Map<string, number>): IssueAssignment {
    const negative = input.sentiment.label === 'negative';
    issue.lastSeen = Math.max(issue.lastSeen, input.at);
    issue.volume++;
    issue.reach += input.reach;
    if (negative) issue.negatives++;
    for (const queryId of input.queryIds) if (issue.queryIds.size < 16) issue.queryIds.add(queryId);
    // An echo repeats a text the issue already holds (and adds an "RT @someone"): it adds reach, not meaning.
    if (!input.echo) for (const [feature, weight] of weights) this.addTerm(issue, feature, weight);
    let emerged = false;
    let backlog: { at: number; negative: boolean }[] = [];
    if (!input.echo) {
      issue.voices++;
      this.countMinute(issue, input.at);
      // A lone post's phrases are counted once a second voice joins, from its sample (the first voice
      // is always kept): most forming issues never get one, and phrases were a third of their memory.
      if (issue.voices === 2 && issue.samples[0] !== undefined) this.countPhrases(issue, issue.samples[0].text);
      if (issue.voices >= 2) this.countPhrases(issue, input.text);
      const sample = { key: input.key, text: input.text.slice(0, 280), reach: input.reach, at: input.at };
      keepSample(issue.samples, toKeptSample(sample, weights), this.options.maxSamples, issue.terms);
      if (!issue.visible) issue.backlog.push({ at: input.at, negative });
      if (!issue.visible && issue.voices >= this.options.minVoices) {
        [issue.visible, emerged, backlog, issue.backlog] = [true, true, issue.backlog.slice(0, -1), []];
        this.forming.delete(issue.id);
      }
    }
    const open = issue.visible ? this.visible : this.forming;
    open.delete(issue.id);
    open.set(issue.id, issue);
    if (issue.visible) this.changed.add(issue);
    return { issueId: issue.id, visible: issue.visible, emerged, backlog };
  }

  /** Space-saving: a full vocabulary gives its rarest slot to the newcomer, so frequent features stay. */
  private addTerm(issue: Issue, feature: string, weight: number): void {
    let term = issue.terms.get(feature);
    if (term === undefined) {
      let floor = 0;
      if (issue.terms.size >= this.options.maxTermsPerIssue) {
        let rarest: [string, Term] | undefined;
        for (const entry of issue.terms) if (rarest === undefined || entry[1].count < rarest[1].count) rarest = entry;
        const [rarestFeature, rarestTerm] = rarest!;
        issue.terms.delete(rarestFeature);
        this.postings.get(rarestFeature)?.delete(issue);
        issue.norm2 -= (rarestTerm.weight * rarestTerm.count) ** 2;
        floor = rarestTerm.count;
      }
      term = { count: floor, weight };
      issue.terms.set(feature, term);
      let holders = this.postings.get(feature);
      if (holders === undefined) this.postings.set(feature, (holders = new Set()));
      holders.add(issue);
    }
    issue.norm2 += term.weight * term.weight * (2 * term.count + 1);
    term.count++;
  }

  private countPhrases(issue: Issue, text: string): void {
    const { maxPhrasesPerPost, maxPhrasesPerIssue } = this.options;
    countPhrases(issue.phrases, extractPhrases(text, this.titleExcluded, maxPhrasesPerPost), maxPhrasesPerIssue);
  }

  private countMinute(issue: Issue, at: number): void {
    const minute = Math.floor(at / 60_000);
    const slot = minute % this.options.velocityMinutes;
    if (issue.minutes[slot] !== minute) [issue.minutes[slot], issue.minuteCounts[slot]] = [minute, 0];
    issue.minuteCounts[slot]!++;
  }

  private drop(issue: Issue): void {
    (issue.visible ? this.visible : this.forming).delete(issue.id);
    for (const feature of issue.terms.keys()) {
      const holders = this.postings.get(feature);
      holders?.delete(issue);
      if (holders?.size === 0) this.postings.delete(feature);
    }
    this.changed.delete(issue);
    if (issue.visible) this.closed.push({ ...this.snapshot(issue, issue.lastSeen), status: 'closed' });
  }

  private snapshot(issue: Issue, now: number): IssueSnapshot {
    const minute = Math.floor(now / 60_000);
    const { velocityMinutes } = this.options;
    let recent = 0;
    issue.minutes.forEach((at, slot) => {
      if (minute - at < velocityMinutes && at <= minute) recent += issue.minuteCounts[slot]!;
    });
    return {
      id: issue.id,
      status: 'emerging',
      firstSeen: issue.firstSeen,
      lastSeen: issue.lastSeen,
      volume: issue.volume,
      voices: issue.voices,
      negativeShare: issue.volume > 0 ? issue.negatives / issue.volume : 0,
      reach: issue.reach,
      velocity: recent / velocityMinutes,
      title: issueTitle(issue, this.titleExcluded),
      samples: issue.samples.map(plainSample),
      representative: plainSample(representativeOf(issue.samples, issue.terms) ?? issue.samples[0]!),
      queryIds: [...issue.queryIds],
    };
  }
}

/** cyrb53, a 53-bit string hash in base 36: ids collide only past ~10⁸ issues (32 bits did at ~10⁵). */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
