import type { TriagePriority } from '@watchfloor/contracts';
import { theme } from '../theme';

export function PriorityBadge({ priority }: { priority: TriagePriority }) {
  return (
    <span
      data-testid="priority"
      style={{
        display: 'inline-block',
        minWidth: 24,
        textAlign: 'center',
        padding: '1px 5px',
        borderRadius: 3,
        fontSize: 11,
        fontWeight: 700,
        color: theme.background,
        background: theme.priority[priority],
      }}
    >
      {priority}
    </span>
  );
}
