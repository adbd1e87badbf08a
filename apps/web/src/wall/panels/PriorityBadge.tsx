import type { TriagePriority } from '@watchfloor/contracts';
import { useWallPalette } from '../wall-palette';

export function PriorityBadge({ priority }: { priority: TriagePriority }) {
  const palette = useWallPalette();
  return (
    <strong
      data-testid="priority-badge"
      style={{
        background: palette.priority[priority],
        color: '#000',
        padding: '0.1vh 0.5vw',
        borderRadius: 4,
        fontSize: palette.type.small,
      }}
    >
      {priority}
    </strong>
  );
}
