import { ruleSetSchema } from '../rule-definition';
import type { RuleInput, RuleSet } from '../rule-definition';
import type { RuleSubject } from '../rule-subject';

let sequence = 0;

/** A neutral, unremarkable mention from a small unverified account; override what the test is about. */
export function aRuleSubject(overrides: Partial<RuleSubject> = {}): RuleSubject {
  sequence++;
  return {
    mentionId: `mention-${sequence}`,
    platform: 'twitter',
    text: 'Boarding the flight to Lisbon now',
    lang: 'en',
    author: { handle: 'someone', followers: 120 },
    sentiment: { label: 'neutral', score: 0, confidence: 0.6 },
    queryIds: ['q-brand'],
    reach: 15,
    spiking: false,
    ...overrides,
  };
}

/** A negative mention with a confident reading: what most escalation rules are written for. */
export function aNegativeSubject(overrides: Partial<RuleSubject> = {}): RuleSubject {
  return aRuleSubject({ sentiment: { label: 'negative', score: -0.62, confidence: 0.8 }, ...overrides });
}

/** An enabled rule routing to the care team as P3; override its conditions and actions. */
export function aRule(overrides: Partial<RuleInput> = {}): RuleInput {
  sequence++;
  return {
    id: `rule-${sequence}`,
    name: `Rule ${sequence}`,
    when: { sentiment: ['negative'] },
    then: { priority: 'P3', teamId: 'care' },
    ...overrides,
  };
}

/** Rules as a person writes them, validated (defaults applied) as the engine requires. */
export function aRuleSet(...rules: RuleInput[]): RuleSet {
  return ruleSetSchema.parse({ rules });
}
