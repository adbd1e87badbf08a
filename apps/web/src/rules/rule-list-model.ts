import type { Rule } from './rule-types';

/** The ordered rule list as the editor changes it: every change returns a new list, nothing is saved until "Save". */

/** Moves a rule one place up (-1) or down (+1); at either end the list stays as it is. */
export function moveRule(rules: readonly Rule[], index: number, step: -1 | 1): Rule[] {
  const target = index + step;
  const moved = [...rules];
  const rule = moved[index];
  const other = moved[target];
  if (rule === undefined || other === undefined) return moved;
  moved[index] = other;
  moved[target] = rule;
  return moved;
}

/** Puts an edited rule back at its place, or a new one (index null) at the end. */
export function putRule(rules: readonly Rule[], index: number | null, rule: Rule): Rule[] {
  if (index === null || index >= rules.length) return [...rules, rule];
  return rules.map((current, position) => (position === index ? rule : current));
}

export function removeRule(rules: readonly Rule[], index: number): Rule[] {
  return rules.filter((_, position) => position !== index);
}

export function toggleRule(rules: readonly Rule[], index: number): Rule[] {
  return rules.map((rule, position) => (position === index ? { ...rule, enabled: !rule.enabled } : rule));
}

/** True when the two lists would save the same rule set (order and content). */
export function sameRules(left: readonly Rule[], right: readonly Rule[]): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
