import type { TriagePriority } from '@watchfloor/contracts';
import { consoleStyles } from './console-styles';
import { ASSIGNEE_FILTERS, PRIORITIES, STATUS_FILTERS, statusLabel } from './inbox-filter';
import type { AssigneeFilter, InboxFilter } from './inbox-filter';
import type { TeamOption } from './team-directory';

const ASSIGNEE_LABELS: Record<AssigneeFilter, string> = { anyone: 'Anyone', me: 'Me', unassigned: 'Unassigned' };

/** One labelled picker of the filter; a full-width one spans both columns. */
function FilterSelect<T extends string>({
  label,
  testId,
  value,
  options,
  onChange,
  fullWidth = false,
}: {
  label: string;
  testId: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  fullWidth?: boolean;
}) {
  return (
    <label style={{ display: 'grid', gap: 2, ...consoleStyles.muted, ...(fullWidth && { gridColumn: '1 / -1' }) }}>
      {label}
      <select
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        style={consoleStyles.field}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Which inbox: the team, and the status, priority and assignee to show. "" is "all" in a picker. */
export function InboxFilters({
  filter,
  teams,
  onChange,
}: {
  filter: InboxFilter;
  teams: readonly TeamOption[];
  onChange: (filter: InboxFilter) => void;
}) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6, padding: 10 }}>
      <FilterSelect
        label="Team"
        testId="team-filter"
        fullWidth
        value={filter.teamId ?? ''}
        options={[{ value: '', label: 'All my teams' }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
        onChange={(teamId) => onChange({ ...filter, teamId: teamId === '' ? null : teamId })}
      />
      <FilterSelect
        label="Status"
        testId="status-filter"
        value={filter.status}
        options={STATUS_FILTERS.map((status) => ({ value: status, label: statusLabel(status) }))}
        onChange={(status) => onChange({ ...filter, status })}
      />
      <FilterSelect<TriagePriority | ''>
        label="Priority"
        testId="priority-filter"
        value={filter.priority ?? ''}
        options={[{ value: '', label: 'Any' }, ...PRIORITIES.map((priority) => ({ value: priority, label: priority }))]}
        onChange={(priority) => onChange({ ...filter, priority: priority === '' ? null : priority })}
      />
      <FilterSelect<AssigneeFilter>
        label="Assignee"
        testId="assignee-filter"
        fullWidth
        value={filter.assignee}
        options={ASSIGNEE_FILTERS.map((assignee) => ({ value: assignee, label: ASSIGNEE_LABELS[assignee] }))}
        onChange={(assignee) => onChange({ ...filter, assignee })}
      />
    </div>
  );
}
