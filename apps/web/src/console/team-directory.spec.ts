import { buildDirectory } from './team-directory';
import { aTriageItem } from './triage-item.factory';

const ME = { id: 'u-me', name: 'Sam Agent', seesAllTeams: false };

describe('the team directory', () => {
  it("offers one's own teams from the team list, and as assignees the members who may work items", () => {
    const directory = buildDirectory({
      teams: [
        { id: 't-care', name: 'Care', memberIds: ['u-me', 'u-dana', 'u-ann', 'u-gone'] },
        { id: 't-pr', name: 'PR', memberIds: ['u-dana'] },
      ],
      users: [
        { id: 'u-me', displayName: 'Sam Agent' },
        { id: 'u-dana', displayName: 'Dana Agent', role: 'agent' },
        { id: 'u-ann', displayName: 'Ann Analyst', role: 'analyst' },
        { id: 'u-gone', displayName: 'Gone Agent', role: 'agent', disabled: true },
      ],
      items: [],
      seenTeams: {},
      presence: {},
      self: ME,
    });
    expect(directory.teams).toEqual([{ id: 't-care', name: 'Care' }]);
    expect(directory.membersOf('t-care')).toEqual([
      { id: 'u-me', name: 'Sam Agent' },
      { id: 'u-dana', name: 'Dana Agent' },
    ]);
  });

  it('makes do with what the items say when the team list may not be read', () => {
    const directory = buildDirectory({
      teams: null,
      users: null,
      items: [
        aTriageItem({ id: '1', teamId: 't-care', assignee: { id: 'u-dana', name: 'Dana Agent' } }),
        aTriageItem({ id: '2', teamId: 't-care' }),
      ],
      seenTeams: { 't-care': 'Care', 't-pr': 'PR' },
      presence: { '2': [{ userId: 'u-lee', name: 'Lee Agent', activity: 'viewing' }] },
      self: ME,
    });
    expect(directory.teams.map((team) => team.name)).toEqual(['Care', 'PR']);
    expect(directory.membersOf('t-care')).toEqual([
      { id: 'u-me', name: 'Sam Agent' },
      { id: 'u-dana', name: 'Dana Agent' },
      { id: 'u-lee', name: 'Lee Agent' },
    ]);
    expect(directory.nameOf('u-dana')).toBe('Dana Agent');
  });
});
