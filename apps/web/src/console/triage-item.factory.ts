import type { TriageItemView } from '@watchfloor/contracts';

let sequence = 0;

/** A triage item for specs: a P2 new, unassigned complaint; override what the spec is about. */
export function aTriageItem(overrides: Partial<TriageItemView> = {}): TriageItemView {
  sequence++;
  return {
    id: String(sequence),
    status: 'new',
    priority: 'P2',
    teamId: 'team-care',
    teamName: 'Care',
    assignee: null,
    dueAt: null,
    slaPaused: false,
    escalationLevel: 0,
    createdAt: new Date(Date.parse('2026-11-23T10:00:00.000Z') + sequence * 1_000).toISOString(),
    firstResponseAt: null,
    resolvedAt: null,
    tags: [],
    echoCount: 0,
    rule: {
      id: 'complaints',
      name: 'Complaints',
      version: 3,
      reasons: [{ condition: 'sentiment', detail: 'negative' }],
    },
    mention: {
      id: `m${sequence}`,
      platform: 'bluesky',
      url: `https://bsky.app/profile/a/post/${sequence}`,
      text: 'Skylark lost my bag',
      createdAt: '2026-11-23T09:59:00.000Z',
      author: { handle: 'ana.bsky.social', name: 'Ana' },
      sentiment: { label: 'negative', score: -0.6, confidence: 0.8 },
      lang: 'en',
      queryIds: [],
      explanation: [{ text: 'lost my bag', weight: -0.6 }],
    },
    correction: null,
    version: 1,
    ...overrides,
  };
}
