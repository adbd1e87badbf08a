import { emptyRuleForm, formFromRule, ruleFromForm, ruleIdFor } from './rule-form-model';
import type { RuleFormState } from './rule-form-model';
import type { Rule } from './rule-types';

function aRule(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'angry-verified',
    name: 'Angry verified authors',
    enabled: true,
    when: { sentiment: ['negative'], verified: true },
    then: { priority: 'P1', teamId: 'team-pr', notify: [] },
    ...overrides,
  };
}

function aForm(overrides: Partial<RuleFormState> = {}): RuleFormState {
  return { ...emptyRuleForm(), name: 'Refund threats', teamId: 'team-care', cues: ['refund'], ...overrides };
}

function ruleOf(form: RuleFormState, otherIds: string[] = []): Rule {
  const result = ruleFromForm(form, otherIds);
  if (!result.ok) throw new Error(`expected a rule, got: ${result.problems.join('; ')}`);
  return result.rule;
}

function problemsOf(form: RuleFormState): string[] {
  const result = ruleFromForm(form, []);
  return result.ok ? [] : result.problems;
}

describe('rule form model', () => {
  it('gives back the same rule when a rule with every condition and action is opened and applied unchanged', () => {
    const rule = aRule({
      enabled: false,
      when: {
        sentiment: ['negative', 'neutral'],
        scoreAtMost: -0.4,
        scoreAtLeast: -1,
        confidenceBelow: 0.6,
        queries: ['q1', 'q2'],
        keywords: ['lost my bag', 'delay'],
        excludeKeywords: ['giveaway'],
        reachAtLeast: 10_000,
        verified: false,
        platforms: ['twitter', 'bluesky'],
        languages: ['en', 'de'],
        inIssue: true,
        duringSpike: false,
        cues: ['lawsuit', 'data-breach'],
      },
      then: {
        priority: 'P2',
        teamId: 'team-pr',
        assignTo: 'user-dana',
        notify: ['slack-pr'],
        slaMinutes: 30,
        escalateToTeamId: 'team-legal',
      },
    });

    expect(ruleOf(formFromRule(rule))).toEqual(rule);
  });

  it('leaves out every condition that was left empty or on "any"', () => {
    const rule = ruleOf(aForm({ cues: [], keywords: '  refund \n\n  money back\n', verified: 'any', inIssue: 'any' }));

    expect(rule.when).toEqual({ keywords: ['refund', 'money back'] });
    expect(rule.then).toEqual({ priority: 'P3', teamId: 'team-care', notify: [] });
  });

  it('reads yes/no conditions as booleans and a comma list of languages as lower-case codes', () => {
    const rule = ruleOf(aForm({ verified: 'no', duringSpike: 'yes', languages: 'EN, de,,fr ' }));

    expect(rule.when).toMatchObject({ verified: false, duringSpike: true, languages: ['en', 'de', 'fr'] });
  });

  it('refuses a rule without a name, a condition or a team before anything is sent', () => {
    const problems = problemsOf(aForm({ name: '  ', cues: [], teamId: '' }));

    expect(problems).toEqual([
      'Give the rule a name',
      'Give the rule at least one condition, or it would take every mention',
      'Choose the team whose inbox receives the matches',
    ]);
  });

  it('names a number field that does not hold a number instead of dropping it silently', () => {
    expect(problemsOf(aForm({ cues: [], reachAtLeast: 'lots' }))).toEqual(['Reach at least must be a number']);
    expect(problemsOf(aForm({ slaMinutes: '2.5' }))).toEqual(['SLA minutes must be a whole number of at least 1']);
  });

  it('refuses a score range nothing could fall in', () => {
    expect(problemsOf(aForm({ scoreAtLeast: '0.5', scoreAtMost: '-0.5' }))).toEqual([
      'Score at least is above score at most: nothing could match',
    ]);
  });

  it('keeps the id of a rule being edited even when its name changes, since items refer to it', () => {
    const form = { ...formFromRule(aRule()), name: 'Angry VIPs' };

    expect(ruleOf(form, ['angry-verified']).id).toBe('angry-verified');
  });

  it('makes a new rule an id from its name that no other rule in the list uses', () => {
    expect(ruleOf(aForm({ name: 'Crème brûlée: refunds!' })).id).toBe('creme-brulee-refunds');
    expect(ruleOf(aForm({ name: 'Refund threats' }), ['refund-threats', 'refund-threats-2']).id).toBe(
      'refund-threats-3',
    );
  });

  it('makes ids the server accepts from any name', () => {
    const ids = ['', '!!!', '---x---', 'a'.repeat(200), 'Ünïcode ☃ only'].map((name) => ruleIdFor(name, []));

    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
    expect(ruleIdFor('!!!', ['rule'])).toBe('rule-2');
  });
});
