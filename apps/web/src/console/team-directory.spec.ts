import { buildDirectory } from './team-directory';
import type { TeamRoster } from './triage-client';

const ME = { id: 'u-me', name: 'Sam Agent' };

const ROSTERS: TeamRoster[] = [
  {
    id: 't-pr',
    name: 'PR',
    members: [{ id: 'u-dana', name: 'Dana Agent' }],
  },
  {
    id: 't-care',
    name: 'Care',
    members: [
      { id: 'u-ann', name: 'Ann Analyst' },
      { id: 'u-dana', name: 'Dana Agent' },
      { id: 'u-me', name: 'Sam Agent' },
      { id: 'u-zoe', name: 'Zoe Agent' },
    ],
  },
];

describe('the team directory', () => {
  it("offers an agent the teams of the rosters by name, and every member of the item's team, oneself first", () => {
    const directory = buildDirectory({ rosters: ROSTERS, users: null, self: ME });

    expect(directory.teams).toEqual([
      { id: 't-care', name: 'Care' },
      { id: 't-pr', name: 'PR' },
    ]);
    expect(directory.membersOf('t-care').map((person) => person.name)).toEqual([
      'Sam Agent',
      'Ann Analyst',
      'Dana Agent',
      'Zoe Agent',
    ]);
    expect(directory.membersOf('t-pr')).toEqual([{ id: 'u-dana', name: 'Dana Agent' }]);
    expect(directory.membersOf('t-unknown')).toEqual([]);
    expect(directory.nameOf('u-zoe')).toBe('Zoe Agent');
  });

  it('leaves out members who may not work items, or are disabled, when the user list is readable', () => {
    const directory = buildDirectory({
      rosters: ROSTERS,
      users: [
        { id: 'u-me', displayName: 'Sam Agent', role: 'manager', disabled: false },
        { id: 'u-dana', displayName: 'Dana Agent', role: 'agent', disabled: false },
        { id: 'u-ann', displayName: 'Ann Analyst', role: 'analyst', disabled: false },
        { id: 'u-zoe', displayName: 'Zoe Agent', role: 'agent', disabled: true },
        { id: 'u-ada', displayName: 'Ada Admin', role: 'admin', disabled: false },
      ],
      self: ME,
    });

    expect(directory.membersOf('t-care')).toEqual([
      { id: 'u-me', name: 'Sam Agent' },
      { id: 'u-dana', name: 'Dana Agent' },
    ]);
    // Names for the timeline come from the user list too, members or not.
    expect(directory.nameOf('u-ada')).toBe('Ada Admin');
  });
});
