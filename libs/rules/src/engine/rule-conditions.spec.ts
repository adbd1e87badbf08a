import type { RuleConditions } from '../rule-definition';
import type { RuleReason, RuleSubject } from '../rule-subject';
import { aNegativeSubject, aRule, aRuleSet, aRuleSubject } from '../testing/rule-factories';
import { compileRuleSet } from './rule-compiler';

/** The reasons the one rule `when` gives for the subject, or undefined when it does not match. */
function reasons(when: RuleConditions, subject: RuleSubject): readonly RuleReason[] | undefined {
  return compileRuleSet(aRuleSet(aRule({ when })), 1).evaluate(subject)?.reasons;
}

function matches(when: RuleConditions, subject: RuleSubject): boolean {
  return reasons(when, subject) !== undefined;
}

const withScore = (score: number, confidence = 0.8) =>
  aRuleSubject({ sentiment: { label: score < -0.05 ? 'negative' : 'neutral', score, confidence } });

describe('rule conditions', () => {
  it('sentiment: any of the labels', () => {
    expect(matches({ sentiment: ['negative', 'unsupported'] }, aNegativeSubject())).toBe(true);
    expect(matches({ sentiment: ['negative'] }, aRuleSubject())).toBe(false);
    expect(reasons({ sentiment: ['negative'] }, aNegativeSubject())).toEqual([
      { condition: 'sentiment', detail: 'negative (-0.62)' },
    ]);
  });

  it('a label or platform no rule can name matches only rules without that condition', () => {
    const later = aRuleSubject({ sentiment: { label: 'mixed' as 'neutral', score: 0, confidence: 0.5 } });
    expect(matches({ sentiment: ['neutral', 'negative', 'positive', 'unsupported'] }, later)).toBe(false);
    expect(matches({ platforms: ['twitter'] }, later)).toBe(true);
    const elsewhere = aRuleSubject({ platform: 'threads' as 'twitter' });
    expect(matches({ platforms: ['twitter', 'mastodon', 'bluesky', 'reddit', 'rss'] }, elsewhere)).toBe(false);
    expect(matches({ sentiment: ['neutral'] }, elsewhere)).toBe(true);
  });

  it('scoreAtMost and scoreAtLeast: inclusive bounds', () => {
    expect(matches({ scoreAtMost: -0.5 }, withScore(-0.5))).toBe(true);
    expect(matches({ scoreAtMost: -0.5 }, withScore(-0.49))).toBe(false);
    expect(matches({ scoreAtLeast: 0.5 }, withScore(0.5))).toBe(true);
    expect(matches({ scoreAtLeast: 0.5 }, withScore(0.49))).toBe(false);
    expect(matches({ scoreAtLeast: -0.8, scoreAtMost: -0.4 }, withScore(-0.9))).toBe(false);
    expect(reasons({ scoreAtLeast: -0.8, scoreAtMost: -0.4 }, withScore(-0.62))).toEqual([
      { condition: 'score', detail: '-0.62 ≤ -0.4' },
      { condition: 'score', detail: '-0.62 ≥ -0.8' },
    ]);
  });

  it('scores that are not numbers never satisfy a bound', () => {
    expect(matches({ scoreAtMost: 1 }, withScore(Number.NaN))).toBe(false);
  });

  it('confidenceBelow: strictly less sure than the bound', () => {
    expect(matches({ confidenceBelow: 0.4 }, withScore(-0.1, 0.39))).toBe(true);
    expect(matches({ confidenceBelow: 0.4 }, withScore(-0.1, 0.4))).toBe(false);
    expect(reasons({ confidenceBelow: 0.4 }, withScore(-0.1, 0.25))).toEqual([
      { condition: 'confidence', detail: '0.25 < 0.4' },
    ]);
  });

  it('queries: any of the saved queries the mention matched', () => {
    const subject = aRuleSubject({ queryIds: ['q-brand', 'q-ceo'] });
    expect(matches({ queries: ['q-ceo', 'q-rival'] }, subject)).toBe(true);
    expect(matches({ queries: ['q-rival'] }, subject)).toBe(false);
    expect(matches({ queries: ['q-rival'] }, aRuleSubject({ queryIds: [] }))).toBe(false);
    expect(reasons({ queries: ['q-ceo', 'q-rival'] }, subject)).toEqual([{ condition: 'queries', detail: '"q-ceo"' }]);
  });

  it('reachAtLeast: inclusive', () => {
    expect(matches({ reachAtLeast: 50 }, aRuleSubject({ reach: 50 }))).toBe(true);
    expect(matches({ reachAtLeast: 50 }, aRuleSubject({ reach: 49.9 }))).toBe(false);
    expect(reasons({ reachAtLeast: 10_000 }, aRuleSubject({ reach: 12_400 }))).toEqual([
      { condition: 'reach', detail: '12,400 ≥ 10,000' },
    ]);
  });

  it('verified: true only for authors the platform verified', () => {
    const verified = aRuleSubject({ author: { handle: 'press', verified: true } });
    const unknown = aRuleSubject({ author: { handle: 'someone' } });
    const unverified = aRuleSubject({ author: { handle: 'someone', verified: false } });
    expect([verified, unknown, unverified].map((subject) => matches({ verified: true }, subject))).toEqual([
      true,
      false,
      false,
    ]);
    expect([verified, unknown, unverified].map((subject) => matches({ verified: false }, subject))).toEqual([
      false,
      true,
      true,
    ]);
    expect(reasons({ verified: false }, unknown)).toEqual([{ condition: 'verified', detail: 'author not verified' }]);
  });

  it('platforms: any of them', () => {
    expect(matches({ platforms: ['reddit', 'twitter'] }, aRuleSubject({ platform: 'twitter' }))).toBe(true);
    expect(matches({ platforms: ['reddit'] }, aRuleSubject({ platform: 'twitter' }))).toBe(false);
    expect(reasons({ platforms: ['reddit'] }, aRuleSubject({ platform: 'reddit' }))).toEqual([
      { condition: 'platforms', detail: 'reddit' },
    ]);
  });

  it('languages: any of them, and never a mention whose language is unknown', () => {
    expect(matches({ languages: ['de', 'en'] }, aRuleSubject({ lang: 'en' }))).toBe(true);
    expect(matches({ languages: ['de'] }, aRuleSubject({ lang: 'en' }))).toBe(false);
    const { lang: _, ...withoutLanguage } = aRuleSubject();
    expect(matches({ languages: ['en'] }, withoutLanguage)).toBe(false);
    expect(reasons({ languages: ['en'] }, aRuleSubject({ lang: 'en' }))).toEqual([
      { condition: 'languages', detail: 'en' },
    ]);
  });

  it('inIssue: filed under an emerging issue, or not', () => {
    const filed = aRuleSubject({ issueId: 'issue-42' });
    expect(matches({ inIssue: true }, filed)).toBe(true);
    expect(matches({ inIssue: true }, aRuleSubject())).toBe(false);
    expect(matches({ inIssue: false }, aRuleSubject())).toBe(true);
    expect(matches({ inIssue: false }, filed)).toBe(false);
    expect(reasons({ inIssue: true }, filed)).toEqual([{ condition: 'inIssue', detail: 'in issue issue-42' }]);
  });

  it('duringSpike: spiking now, or not', () => {
    expect(matches({ duringSpike: true }, aRuleSubject({ spiking: true }))).toBe(true);
    expect(matches({ duringSpike: true }, aRuleSubject({ spiking: false }))).toBe(false);
    expect(matches({ duringSpike: false }, aRuleSubject({ spiking: false }))).toBe(true);
    expect(reasons({ duringSpike: true }, aRuleSubject({ spiking: true }))).toEqual([
      { condition: 'duringSpike', detail: 'spiking' },
    ]);
  });

  it('cues: any of the cues detected in the text, with the phrase that showed it', () => {
    const subject = aRuleSubject({ text: 'Still waiting for my money back' });
    expect(matches({ cues: ['lawsuit', 'refund'] }, subject)).toBe(true);
    expect(matches({ cues: ['lawsuit'] }, subject)).toBe(false);
    expect(matches({ cues: ['injury'] }, aRuleSubject({ text: 'I was not hurt' }))).toBe(false);
    expect(reasons({ cues: ['lawsuit', 'refund', 'complaint'] }, subject)).toEqual([
      { condition: 'cues', detail: 'refund ("money back"), complaint ("still waiting")' },
    ]);
  });

  it('every condition given must hold', () => {
    const when: RuleConditions = {
      sentiment: ['negative'],
      reachAtLeast: 40,
      platforms: ['twitter'],
      keywords: ['refund'],
    };
    const subject = aNegativeSubject({ reach: 62.4, text: 'Where is my refund?' });
    expect(reasons(when, subject)).toEqual([
      { condition: 'sentiment', detail: 'negative (-0.62)' },
      { condition: 'keywords', detail: '"refund"' },
      { condition: 'reach', detail: '62.4 ≥ 40' },
      { condition: 'platforms', detail: 'twitter' },
    ]);
    expect(matches(when, { ...subject, reach: 39 })).toBe(false);
    expect(matches(when, { ...subject, platform: 'reddit' })).toBe(false);
    expect(matches(when, { ...subject, text: 'Where is my bag?' })).toBe(false);
    expect(matches(when, aRuleSubject({ reach: 62.4, text: 'Where is my refund?' }))).toBe(false);
  });
});
