import { memo } from 'react';
import type { PresenceEntry, TriageItemView } from '@watchfloor/contracts';
import { theme } from '../theme';
import { PLATFORM_NAMES } from './console-styles';
import { statusLabel } from './inbox-filter';
import { PresenceDots } from './PresenceDots';
import { PriorityBadge } from './PriorityBadge';
import { SlaCountdown } from './SlaCountdown';

export interface InboxRowProps {
  item: TriageItemView;
  open: boolean;
  checked: boolean;
  /** Whether it can be ticked for a bulk action (those who work items). */
  selectable: boolean;
  /** Others at the item now. */
  others: readonly PresenceEntry[];
  onOpen: (itemId: string) => void;
  onToggle: (itemId: string) => void;
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/, 1)[0] ?? '';
}

export function echoLabel(count: number): string {
  return `+${count.toLocaleString()} ${count === 1 ? 'echo' : 'echoes'}`;
}

/** One item of the inbox. The post's text is the author's: rendered as text only. */
export const InboxRow = memo(function InboxRow({
  item,
  open,
  checked,
  selectable,
  others,
  onOpen,
  onToggle,
}: InboxRowProps) {
  const author = item.mention.author;
  return (
    <li
      data-testid="inbox-item"
      data-item-id={item.id}
      data-priority={item.priority}
      data-status={item.status}
      data-assignee={item.assignee?.name ?? ''}
      role="option"
      aria-selected={open}
      onClick={() => onOpen(item.id)}
      style={{
        listStyle: 'none',
        padding: '8px 10px',
        borderBottom: `1px solid ${theme.panelBorder}`,
        borderLeft: `3px solid ${open ? theme.accent : 'transparent'}`,
        background: open ? theme.panelBorder : checked ? '#172235' : 'transparent',
        cursor: 'pointer',
        display: 'grid',
        gap: 3,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, fontSize: 12 }}>
        {selectable && (
          <input
            type="checkbox"
            data-testid="select-item"
            aria-label={`Tick item ${item.id} for a bulk action`}
            title="Tick for a bulk action (x)"
            checked={checked}
            onClick={(event) => event.stopPropagation()}
            onChange={() => onToggle(item.id)}
          />
        )}
        <PriorityBadge priority={item.priority} />
        <SlaCountdown item={item} />
        <span style={{ color: theme.mutedText }}>{PLATFORM_NAMES[item.mention.platform]}</span>
        <span
          style={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}
          title={`@${author.handle}`}
        >
          {author.name ?? `@${author.handle}`}
          {author.verified === true ? ' ✓' : ''}
        </span>
        <span style={{ marginLeft: 'auto', display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <PresenceDots people={others} />
          <span data-testid="row-assignee" style={{ color: item.assignee === null ? theme.mutedText : theme.text }}>
            {item.assignee?.name ?? 'unassigned'}
          </span>
        </span>
      </div>
      <div
        style={{
          fontSize: 13,
          color: theme.text,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        {firstLine(item.mention.text)}
      </div>
      <div style={{ display: 'flex', gap: 8, fontSize: 11, color: theme.mutedText }}>
        <span data-testid="row-status">{statusLabel(item.status)}</span>
        {item.echoCount > 0 && (
          <span data-testid="echo-count" title="reposts and near-duplicates of this post">
            {echoLabel(item.echoCount)}
          </span>
        )}
        {item.escalationLevel > 0 && (
          <span style={{ color: theme.sentiment.negative }}>escalated ×{item.escalationLevel}</span>
        )}
        <span style={{ marginLeft: 'auto' }}>{item.teamName}</span>
      </div>
    </li>
  );
});
