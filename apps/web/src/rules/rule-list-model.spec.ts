import { moveRule, putRule, removeRule, sameRules, toggleRule } from './rule-list-model';
import type { Rule } from './rule-types';

function aRule(id: string, overrides: Partial<Rule> = {}): Rule {
  return {
    id,
    name: id,
    enabled: true,
    when: { cues: ['complaint'] },
    then: { priority: 'P3', teamId: 'team-care', notify: [] },
    ...overrides,
  };
}

const ids = (rules: Rule[]) => rules.map((rule) => rule.id);

describe('rule list model', () => {
  const rules = [aRule('a'), aRule('b'), aRule('c')];

  it('moves a rule up or down one place, since the first matching rule decides', () => {
    expect(ids(moveRule(rules, 1, -1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveRule(rules, 1, 1))).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it is when the first rule moves up or the last moves down', () => {
    expect(ids(moveRule(rules, 0, -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveRule(rules, 2, 1))).toEqual(['a', 'b', 'c']);
  });

  it('puts an edited rule back in its place and a new one at the end', () => {
    expect(putRule(rules, 1, aRule('b', { name: 'renamed' }))[1]!.name).toBe('renamed');
    expect(ids(putRule(rules, null, aRule('d')))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('removes and toggles a rule without changing the list it was given', () => {
    expect(ids(removeRule(rules, 0))).toEqual(['b', 'c']);
    expect(toggleRule(rules, 2)[2]!.enabled).toBe(false);
    expect(ids(rules)).toEqual(['a', 'b', 'c']);
    expect(rules[2]!.enabled).toBe(true);
  });

  it('sees an unsaved change in order or content', () => {
    expect(sameRules(rules, [...rules])).toBe(true);
    expect(sameRules(rules, moveRule(rules, 0, 1))).toBe(false);
    expect(sameRules(rules, toggleRule(rules, 0))).toBe(false);
  });
});
