import type { AlertGroup, AlertSample } from '../alerts/alert-message';

/** A legal threat on X, the kind of post a burst's sample shows; override what the test is about. */
export function anAlertSample(overrides: Partial<AlertSample> = {}): AlertSample {
  return {
    itemId: 'mention-1',
    author: '@angry_customer',
    text: 'I will sue Skylark over this',
    url: 'https://x.com/angry_customer/status/1',
    priority: 'P1',
    ...overrides,
  };
}

/** A burst of 37 mentions over four minutes flagged by a P1 legal rule, with one sample. */
export function anAlertGroup(overrides: Partial<AlertGroup> = {}): AlertGroup {
  return {
    kind: 'flagged',
    ruleId: 'rule-legal',
    ruleName: 'Legal threats',
    teamName: 'Legal',
    priority: 'P1',
    count: 37,
    firstAt: '2026-03-02T09:41:00.000Z',
    lastAt: '2026-03-02T09:45:00.000Z',
    samples: [anAlertSample()],
    consoleUrl: 'https://watchfloor.example.com/triage?rule=rule-legal',
    ...overrides,
  };
}
