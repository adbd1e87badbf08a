import { aNegativeSubject, aRule, aRuleSet, aRuleSubject } from '../testing/rule-factories';
import { compileRuleSet } from './rule-compiler';

const prTeamRule = aRule({
  id: 'verified-negative-to-pr',
  name: 'Verified and negative: PR',
  when: { sentiment: ['negative'], verified: true },
  then: {
    priority: 'P1',
    teamId: 'pr',
    assignTo: 'dana',
    notify: ['slack-pr'],
    slaMinutes: 15,
    escalateToTeamId: 'exec',
  },
});
const careRule = aRule({
  id: 'negative-to-care',
  when: { sentiment: ['negative'] },
  then: { priority: 'P3', teamId: 'care' },
});

describe('compileRuleSet', () => {
  it('routes a negative mention from a verified author to PR as P1', () => {
    const rules = compileRuleSet(aRuleSet(prTeamRule, careRule), 7);
    const subject = aNegativeSubject({ author: { handle: 'press', followers: 250_000, verified: true } });
    expect(rules.evaluate(subject)).toEqual({
      mentionId: subject.mentionId,
      ruleId: 'verified-negative-to-pr',
      ruleName: 'Verified and negative: PR',
      version: 7,
      priority: 'P1',
      teamId: 'pr',
      assignTo: 'dana',
      notify: ['slack-pr'],
      slaMinutes: 15,
      escalateToTeamId: 'exec',
      cues: [],
      reasons: [
        { condition: 'sentiment', detail: 'negative (-0.62)' },
        { condition: 'verified', detail: 'verified author' },
      ],
    });
  });

  it('lets the first matching rule decide, in the order of the set', () => {
    const rules = compileRuleSet(aRuleSet(prTeamRule, careRule), 1);
    expect(rules.evaluate(aNegativeSubject({ author: { handle: 'press', verified: true } }))?.ruleId).toBe(
      'verified-negative-to-pr',
    );
    expect(rules.evaluate(aNegativeSubject())?.ruleId).toBe('negative-to-care');
    const reversed = compileRuleSet(aRuleSet(careRule, prTeamRule), 1);
    expect(reversed.evaluate(aNegativeSubject({ author: { handle: 'press', verified: true } }))?.ruleId).toBe(
      'negative-to-care',
    );
  });

  it('skips a disabled rule', () => {
    const rules = compileRuleSet(aRuleSet({ ...prTeamRule, enabled: false }, careRule), 1);
    expect(rules.evaluate(aNegativeSubject({ author: { handle: 'press', verified: true } }))?.ruleId).toBe(
      'negative-to-care',
    );
    expect(rules.rules.map((rule) => rule.id)).toEqual(['negative-to-care']);
  });

  it('matches nothing when no rule holds, and leaves optional actions out of the match', () => {
    const rules = compileRuleSet(aRuleSet(careRule), 1);
    expect(rules.evaluate(aRuleSubject())).toBeUndefined();
    const match = rules.evaluate(aNegativeSubject())!;
    expect(match).not.toHaveProperty('assignTo');
    expect(match).not.toHaveProperty('slaMinutes');
    expect(match).not.toHaveProperty('escalateToTeamId');
    expect(match.notify).toEqual([]);
  });

  it('evaluates a batch into its matches only, in input order', () => {
    const rules = compileRuleSet(aRuleSet(careRule), 1);
    const subjects = [aNegativeSubject(), aRuleSubject(), aNegativeSubject(), aRuleSubject()];
    expect(rules.evaluateBatch(subjects).map((match) => match.mentionId)).toEqual([
      subjects[0]!.mentionId,
      subjects[2]!.mentionId,
    ]);
    expect(compileRuleSet(aRuleSet(), 1).evaluateBatch(subjects)).toEqual([]);
  });

  it('reports every cue in the text, even those the rule did not ask for', () => {
    const rules = compileRuleSet(aRuleSet(careRule), 1);
    const match = rules.evaluate(aNegativeSubject({ text: 'Still waiting for my refund, I will sue' }));
    expect(match?.cues).toEqual(['complaint', 'refund', 'lawsuit']);
    expect(match?.reasons).toEqual([{ condition: 'sentiment', detail: 'negative (-0.62)' }]);
  });

  it('carries no state from one subject to the next', () => {
    const rules = compileRuleSet(
      aRuleSet(aRule({ when: { keywords: ['refund'] } }), aRule({ when: { cues: ['lawsuit'] } })),
      1,
    );
    expect(rules.evaluate(aRuleSubject({ text: 'refund please' }))).toBeDefined();
    expect(rules.evaluate(aRuleSubject({ text: 'nothing here' }))).toBeUndefined();
    expect(rules.evaluate(aRuleSubject({ text: 'my lawyer' }))?.cues).toEqual(['lawsuit']);
    expect(rules.evaluate(aRuleSubject({ text: 'nothing here either' }))).toBeUndefined();
  });
});

describe('keywords', () => {
  const refunds = compileRuleSet(
    aRuleSet(aRule({ id: 'refunds', when: { keywords: ['refund', 'Data Breach', 'c++', '(urgent)'] } })),
    1,
  );
  const matches = (text: string) => refunds.evaluate(aRuleSubject({ text })) !== undefined;

  it('match whole words and phrases, case-insensitively', () => {
    expect(matches('I want a REFUND')).toBe(true);
    expect(matches('refunds are slow')).toBe(false);
    expect(matches('non-refundable')).toBe(false);
  });

  it('match a phrase across any white space and punctuation after it', () => {
    expect(matches('Data  breach!')).toBe(true);
    expect(matches('data\nbreach')).toBe(true);
    expect(matches('data-breach')).toBe(false);
  });

  it('match a hashtag of the keyword', () => {
    expect(matches('where is my #refund')).toBe(true);
  });

  it('take regular-expression characters literally', () => {
    expect(matches('c++ developers')).toBe(true);
    expect(matches('c developers')).toBe(false);
    expect(matches('this is (urgent)')).toBe(true);
    expect(matches('this is urgent')).toBe(false);
  });

  it('give the keywords found as the reason', () => {
    expect(refunds.evaluate(aRuleSubject({ text: 'Data breach: refund me' }))?.reasons).toEqual([
      { condition: 'keywords', detail: '"refund", "data breach"' },
    ]);
  });

  it('are excluded by excludeKeywords anywhere in the text', () => {
    const rules = compileRuleSet(
      aRuleSet(aRule({ when: { keywords: ['skylark'], excludeKeywords: ['bird', 'song', 'playlist'] } })),
      1,
    );
    expect(rules.evaluate(aRuleSubject({ text: 'Skylark lost my bag' }))).toBeDefined();
    expect(rules.evaluate(aRuleSubject({ text: 'skylark sighting, lovely bird song' }))).toBeUndefined();
    expect(rules.evaluate(aRuleSubject({ text: 'Skylark lost my bag' }))?.reasons).toEqual([
      { condition: 'keywords', detail: '"skylark"' },
      { condition: 'excludeKeywords', detail: 'none of "bird", "song", "playlist"' },
    ]);
  });

  it('shorten a long exclusion list in the reason', () => {
    const rules = compileRuleSet(aRuleSet(aRule({ when: { excludeKeywords: ['a1', 'a2', 'a3', 'a4', 'a5'] } })), 1);
    expect(rules.evaluate(aRuleSubject())?.reasons).toEqual([
      { condition: 'excludeKeywords', detail: 'none of "a1", "a2", "a3" and 2 more' },
    ]);
  });
});
