import { ruleSetSchema } from './rule-definition';
import { aRule } from './testing/rule-factories';

function problems(rules: unknown[]): string[] {
  const result = ruleSetSchema.safeParse({ rules });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('ruleSetSchema', () => {
  it('accepts a rule set and fills in the defaults', () => {
    const parsed = ruleSetSchema.parse({ rules: [aRule({ id: 'negative-to-care' })] });
    expect(parsed.rules[0]).toMatchObject({ id: 'negative-to-care', enabled: true, then: { notify: [] } });
  });

  it('accepts an empty rule set: nothing is escalated', () => {
    expect(problems([])).toEqual([]);
  });

  it('refuses a rule without any condition', () => {
    expect(problems([aRule({ when: {} })])).toEqual(['rules.0.when: a rule needs at least one condition']);
  });

  it('refuses the same rule id twice, naming the second', () => {
    expect(problems([aRule({ id: 'refunds' }), aRule({ id: 'other' }), aRule({ id: 'refunds' })])).toEqual([
      'rules.2.id: rule id "refunds" is used twice',
    ]);
  });

  it('refuses a priority that does not exist', () => {
    const rule = aRule({ then: { priority: 'P0' as 'P1', teamId: 'care' } });
    expect(problems([rule])).toEqual([expect.stringMatching(/^rules\.0\.then\.priority: /)]);
  });

  it('refuses a score window nothing could fall into', () => {
    expect(problems([aRule({ when: { scoreAtLeast: 0.5, scoreAtMost: -0.5 } })])).toEqual([
      'rules.0.when: scoreAtLeast is above scoreAtMost: nothing could match',
    ]);
    expect(problems([aRule({ when: { scoreAtLeast: -0.5, scoreAtMost: -0.5 } })])).toEqual([]);
  });

  it('refuses an unknown condition rather than ignoring it', () => {
    expect(problems([aRule({ when: { sentimnet: ['negative'] } as never })])).toContainEqual(
      expect.stringMatching(/^rules\.0\.when: .*sentimnet/),
    );
  });

  it('refuses an empty keyword, an unknown cue, platform or language code', () => {
    expect(problems([aRule({ when: { keywords: ['refund', '  '] } })])).toEqual([
      'rules.0.when.keywords.1: a keyword may not be empty',
    ]);
    expect(problems([aRule({ when: { cues: ['anger' as 'refund'] } })])).toHaveLength(1);
    expect(problems([aRule({ when: { platforms: ['myspace' as 'rss'] } })])).toHaveLength(1);
    expect(problems([aRule({ when: { languages: ['English'] } })])).toEqual([
      'rules.0.when.languages.0: a language is an ISO 639 code such as "en"',
    ]);
  });

  it('refuses a rule id that is not a lower-case slug', () => {
    expect(problems([aRule({ id: 'Refunds To Care' })])).toEqual([
      'rules.0.id: a rule id is lower-case letters, digits and dashes, at most 63',
    ]);
  });
});
