import type { TriagePriority } from '@watchfloor/contracts';
import { consoleStyles } from './console-styles';
import { ASSIGNEE_FILTERS, PRIORITIES, STATUS_FILTERS } from './inbox-filter';
import type { AssigneeFilter, InboxFilter, StatusFilter } from './inbox-filter';
import type { TeamOption } from './team-directory';

const ASSIGNEE_LABELS: Record<AssigneeFilter, string> = { anyone: 'Anyone', me: 'Me', unassigned: 'Unassigned' };

export function statusLabel(status: StatusFilter): string {
  return status === 'in_progress' ? 'in progress' : status;
}

/** Which inbox: the team, and the status, priority and assignee to show. */
export function InboxFilters({
  filter,
  teams,
  onChange,
}: {
  filter: InboxFilter;
  teams: readonly TeamOption[];
  onChange: (filter: InboxFilter) => void;
}) {
  const label = { display: 'grid', gap: 2, ...consoleStyles.muted } as const;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6, padding: 10 }}>
      <label style={{ ...label, gridColumn: '1 / -1' }}>
        Team
        <select
          data-testid="team-filter"
          value={filter.teamId ?? ''}
          onChange={(event) => onChange({ ...filter, teamId: event.target.value === '' ? null : event.target.value })}
          style={consoleStyles.field}
        >
          <option value="">All my teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label style={label}>
        Status
        <select
          data-testid="status-filter"
          value={filter.status}
          onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })}
          style={consoleStyles.field}
        >
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </label>
      <label style={label}>
        Priority
        <select
          data-testid="priority-filter"
          value={filter.priority ?? ''}
          onChange={(event) =>
            onChange({
              ...filter,
              priority: event.target.value === '' ? null : (event.target.value as TriagePriority),
            })
          }
          style={consoleStyles.field}
        >
          <option value="">Any</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {priority}
            </option>
          ))}
        </select>
      </label>
      <label style={{ ...label, gridColumn: '1 / -1' }}>
        Assignee
        <select
          data-testid="assignee-filter"
          value={filter.assignee}
          onChange={(event) => onChange({ ...filter, assignee: event.target.value as AssigneeFilter })}
          style={consoleStyles.field}
        >
          {ASSIGNEE_FILTERS.map((assignee) => (
            <option key={assignee} value={assignee}>
              {ASSIGNEE_LABELS[assignee]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
