import type { NotificationChannel } from './channel-types';
import { Field, inputStyle } from './Field';
import { MultiSelect } from './MultiSelect';
import type { RuleFormState } from './rule-form-model';
import { PRIORITIES } from './rule-types';
import type { PersonView, Priority, TeamView } from './rule-types';

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
  const assigneeKnown = form.assignTo === '' || members.some((person) => person.id === form.assignTo);
  const teamKnown = form.teamId === '' || team !== undefined;
  const escalationKnown = form.escalateToTeamId === '' || teams.some((other) => other.id === form.escalateToTeamId);

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
      <Field label="Into the inbox of">
        <select
          data-testid="action-team"
          value={form.teamId}
          onChange={(event) => chooseTeam(event.target.value)}
          style={inputStyle}
        >
          <option value="">Choose a team…</option>
          {!teamKnown && <option value={form.teamId}>unknown: {form.teamId}</option>}
          {teams.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Assign to" hint="optional">
        <select
          data-testid="action-assign-to"
          value={form.assignTo}
          onChange={(event) => onChange({ assignTo: event.target.value })}
          disabled={form.teamId === ''}
          style={inputStyle}
        >
          <option value="">nobody (the team picks it up)</option>
          {!assigneeKnown && <option value={form.assignTo}>unknown: {form.assignTo}</option>}
          {members.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </select>
      </Field>
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
      <Field label="On breach, escalate to">
        <select
          data-testid="action-escalate-to"
          value={form.escalateToTeamId}
          onChange={(event) => onChange({ escalateToTeamId: event.target.value })}
          style={inputStyle}
        >
          <option value="">the same team, one priority higher</option>
          {!escalationKnown && <option value={form.escalateToTeamId}>unknown: {form.escalateToTeamId}</option>}
          {teams.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}
