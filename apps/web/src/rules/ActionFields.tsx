import type { NotificationChannel } from './channel-types';
import { Field, inputStyle } from './Field';
import { MultiSelect } from './MultiSelect';
import type { RuleFormState } from './rule-form-model';
import { PRIORITIES } from './rule-types';
import type { PersonView, Priority, TeamView } from './rule-types';
import { SingleSelect } from './SingleSelect';

/** The "then" half of a rule: which inbox, how urgent, who hears of it, and when it escalates. */
export function ActionFields({
  form,
  onChange,
  teams,
  people,
  channels,
}: {
  form: RuleFormState;
  onChange: (patch: Partial<RuleFormState>) => void;
  teams: TeamView[];
  people: PersonView[];
  channels: NotificationChannel[];
}) {
  const team = teams.find((candidate) => candidate.id === form.teamId);
  const members = people.filter((person) => !person.disabled && (team?.memberIds.includes(person.id) ?? false));
  const teamOptions = teams.map((candidate) => ({ value: candidate.id, label: candidate.name }));

  const chooseTeam = (teamId: string) => {
    const chosen = teams.find((candidate) => candidate.id === teamId);
    // Only a member of the team may be assigned its items: a person from the previous team is dropped.
    const keepAssignee = chosen?.memberIds.includes(form.assignTo) ?? false;
    onChange({ teamId, ...(!keepAssignee && { assignTo: '' }) });
  };

  return (
    <fieldset
      data-testid="rule-actions"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}
    >
      <legend>…then flag it</legend>
      <Field label="Priority">
        <select
          data-testid="action-priority"
          value={form.priority}
          onChange={(event) => onChange({ priority: event.target.value as Priority })}
          style={inputStyle}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority}>{priority}</option>
          ))}
        </select>
      </Field>
      <SingleSelect
        label="Into the inbox of"
        testId="action-team"
        value={form.teamId}
        options={teamOptions}
        onChange={chooseTeam}
        noneText="Choose a team…"
      />
      <SingleSelect
        label="Assign to"
        hint="optional"
        testId="action-assign-to"
        value={form.assignTo}
        options={members.map((person) => ({ value: person.id, label: person.displayName }))}
        onChange={(assignTo) => onChange({ assignTo })}
        disabled={form.teamId === ''}
        noneText="nobody (the team picks it up)"
      />
      <MultiSelect
        label="Notify"
        options={channels.map((channel) => ({ value: channel.id, label: `${channel.name} (${channel.kind})` }))}
        selected={form.notify}
        onChange={(notify) => onChange({ notify })}
        testId="action-notify"
        emptyText="no channels to pick"
      />
      <Field label="SLA minutes" hint="first response, optional">
        <input
          type="number"
          min={1}
          step={1}
          data-testid="action-sla-minutes"
          value={form.slaMinutes}
          onChange={(event) => onChange({ slaMinutes: event.target.value })}
          style={{ ...inputStyle, width: 110 }}
        />
      </Field>
      <SingleSelect
        label="On breach, escalate to"
        testId="action-escalate-to"
        value={form.escalateToTeamId}
        options={teamOptions}
        onChange={(escalateToTeamId) => onChange({ escalateToTeamId })}
        noneText="the same team, one priority higher"
      />
    </fieldset>
  );
}
