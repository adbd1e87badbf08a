import type { IssueSnapshot } from '@watchfloor/analysis';
import { emptyFloorChanges } from '@watchfloor/analysis';
import { toAnalysisEvent } from './analysis-views';

const CENTRAL = {
  key: 'twitter:2',
  text: 'SK417 delayed again at the gate',
  reach: 40,
  at: Date.UTC(2026, 10, 23, 10, 2),
};
const LOUDEST = {
  key: 'twitter:1',
  text: 'SK417 again, and the crew were rude',
  reach: 9_000,
  at: Date.UTC(2026, 10, 23, 10),
};

const snapshot = (id: string, volume: number): IssueSnapshot => ({
  id,
  status: 'emerging',
  firstSeen: Date.UTC(2026, 10, 23, 10),
  lastSeen: Date.UTC(2026, 10, 23, 10, volume),
  volume,
  voices: volume,
  negativeShare: 1,
  reach: 10,
  velocity: 1,
  title: ['sk417'],
  samples: [LOUDEST, CENTRAL],
  representative: CENTRAL,
  queryIds: [],
});

describe('the analysis event a round stores and pushes', () => {
  it('keeps only the last snapshot of an issue the round updated twice, as one upsert cannot touch a row twice', () => {
    const changes = emptyFloorChanges();
    changes.issues.updated.push(snapshot('issue-a', 5), snapshot('issue-b', 2), snapshot('issue-a', 9));
    const event = toAnalysisEvent(changes);
    expect(event.issues.map((issue) => [issue.id, issue.volume])).toEqual([
      ['issue-a', 9],
      ['issue-b', 2],
    ]);
    expect(event.issues[0]!.lastSeen).toBe('2026-11-23T10:09:00.000Z');
  });

  it('stores and pushes the representative post beside the samples, dated as they are', () => {
    const changes = emptyFloorChanges();
    changes.issues.updated.push(snapshot('issue-a', 5));
    const [issue] = toAnalysisEvent(changes).issues;
    expect(issue!.representative).toEqual({ ...CENTRAL, at: '2026-11-23T10:02:00.000Z' });
    expect(issue!.samples.map((sample) => sample.key)).toEqual(['twitter:1', 'twitter:2']);
  });

  it('lists echoes only: a new original voice needs no row', () => {
    const changes = emptyFloorChanges();
    changes.mentions.push(
      { mentionId: '1', verdict: { kind: 'original', isNewVoice: true, reach: 1 } },
      { mentionId: '2', verdict: { kind: 'repost', isNewVoice: false, reach: 1, echoOf: 'twitter:1' } },
    );
    expect(toAnalysisEvent(changes).echoes).toEqual([{ mentionId: '2', kind: 'repost', echoOf: 'twitter:1' }]);
  });
});
