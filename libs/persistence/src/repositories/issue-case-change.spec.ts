import { planIssueCaseChange } from './issue-case-change';
import type { IssueCaseState } from './issue-case-change';

const NOW = new Date('2025-06-01T10:00:00.000Z');
const aCase = (overrides: Partial<IssueCaseState> = {}): IssueCaseState => ({
  status: 'new',
  owner: null,
  priority: null,
  acknowledgedAt: null,
  version: 0,
  ...overrides,
});

describe('planIssueCaseChange', () => {
  it('records who set a priority and when', () => {
    const { patch, events } = planIssueCaseChange(aCase(), { priority: 'P2' }, 'Pat', NOW);
    expect(patch).toEqual({ priority: 'P2', prioritySetBy: 'Pat', prioritySetAt: NOW.toISOString() });
    expect(events).toEqual([{ kind: 'priority', detail: { from: null, to: 'P2' } }]);
  });

  it('asks for a fresh acknowledgement when a case is raised to P1', () => {
    const { patch } = planIssueCaseChange(
      aCase({ priority: 'P2', acknowledgedAt: '2025-06-01T09:00:00.000Z' }),
      { priority: 'P1' },
      'Pat',
      NOW,
    );
    expect(patch).toMatchObject({ priority: 'P1', acknowledgedAt: null, acknowledgedBy: null });
  });

  it('keeps the acknowledgement when a P1 is lowered', () => {
    const { patch } = planIssueCaseChange(aCase({ priority: 'P1' }), { priority: 'P3' }, 'Pat', NOW);
    expect(patch).not.toHaveProperty('acknowledgedAt');
  });

  it('writes and records only what differs', () => {
    const owner = { id: 'u1', name: 'Mia' };
    const { patch, events } = planIssueCaseChange(
      aCase({ owner, status: 'investigating', priority: 'P1' }),
      { owner, status: 'responding', priority: 'P1' },
      'Pat',
      NOW,
    );
    expect(patch).toEqual({ status: 'responding' });
    expect(events).toEqual([{ kind: 'status', detail: { from: 'investigating', to: 'responding' } }]);
  });

  it('names the people when the owner changes, and clears an owner on null', () => {
    const before = aCase({ owner: { id: 'u1', name: 'Mia' } });
    expect(planIssueCaseChange(before, { owner: { id: 'u2', name: 'Lee' } }, 'Pat', NOW).events).toEqual([
      { kind: 'owner', detail: { from: 'Mia', to: 'Lee' } },
    ]);
    expect(planIssueCaseChange(before, { owner: null }, 'Pat', NOW).patch).toEqual({ ownerId: null });
  });

  it('clears who set the priority along with the priority', () => {
    const { patch } = planIssueCaseChange(aCase({ priority: 'P3' }), { priority: null }, 'Pat', NOW);
    expect(patch).toEqual({ priority: null, prioritySetBy: null, prioritySetAt: null });
  });
});
