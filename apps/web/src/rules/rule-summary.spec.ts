import { summarizeActions, summarizeConditions } from './rule-summary';
import type { RuleNames } from './rule-summary';

const names: RuleNames = {
  queries: new Map([['q-brand', 'Skylark brand']]),
  teams: new Map([
    ['team-pr', 'PR'],
    ['team-legal', 'Legal'],
  ]),
  people: new Map([['user-dana', 'Dana Agent']]),
  channels: new Map([['slack-pr', '#pr-alerts']]),
};

describe('rule summary', () => {
  it('lists the conditions with the names of the queries they point at', () => {
    expect(
      summarizeConditions(
        { sentiment: ['negative'], queries: ['q-brand', 'q-gone'], verified: true, cues: ['lawsuit', 'injury'] },
        names,
      ),
    ).toBe('sentiment negative · query Skylark brand or q-gone · verified author · cue lawsuit or injury');
  });

  it('shortens a long keyword list', () => {
    expect(summarizeConditions({ keywords: ['a', 'b', 'c', 'd', 'e', 'f'] }, names)).toBe(
      'mentions "a", "b", "c", "d" +2',
    );
  });

  it('names the team, assignee, channels and escalation of the actions', () => {
    expect(
      summarizeActions(
        {
          priority: 'P1',
          teamId: 'team-pr',
          assignTo: 'user-dana',
          notify: ['slack-pr'],
          slaMinutes: 15,
          escalateToTeamId: 'team-legal',
        },
        names,
      ),
    ).toBe('to PR · assigned to Dana Agent · notify #pr-alerts · SLA 15 min then Legal');
  });
});
