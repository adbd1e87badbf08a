import { useEffect, useRef } from 'react';
import type { PresenceEntry, TriageItemView } from '@watchfloor/contracts';
import { theme } from '../theme';
import { consoleStyles } from './console-styles';
import { InboxRow } from './InboxRow';

const NOBODY: readonly PresenceEntry[] = [];

export interface InboxListProps {
  items: readonly TriageItemView[];
  openId: string | null;
  checked: readonly string[];
  selectable: boolean;
  /** Others (oneself left out) at each item, by item id. */
  others: Readonly<Record<string, readonly PresenceEntry[]>>;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  truncated: boolean;
  onOpen: (itemId: string) => void;
  onToggle: (itemId: string) => void;
  onToggleAll: (all: boolean) => void;
}

/** The team inbox, in the server's order: P1 first, the oldest first within a priority. */
export function InboxList(props: InboxListProps) {
  const { items, openId, checked, selectable, others, status, error, truncated, onOpen, onToggle, onToggleAll } = props;
  const listRef = useRef<HTMLUListElement>(null);
  // Keyboard navigation moves the open item: keep it in view.
  useEffect(() => {
    if (openId === null) return;
    const row = listRef.current?.querySelector(`[data-item-id="${CSS.escape(openId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [openId]);
  const allChecked = items.length > 0 && checked.length === items.length;
  return (
    <section style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '4px 10px',
          borderBottom: `1px solid ${theme.panelBorder}`,
          ...consoleStyles.muted,
        }}
      >
        {selectable && (
          <input
            type="checkbox"
            data-testid="select-all"
            aria-label="Tick every item shown"
            checked={allChecked}
            disabled={items.length === 0}
            onChange={() => onToggleAll(!allChecked)}
          />
        )}
        <span data-testid="inbox-count">
          {items.length}
          {truncated ? '+' : ''} {items.length === 1 ? 'item' : 'items'}
        </span>
        {status === 'loading' && <span>loading…</span>}
      </div>
      {status === 'error' && (
        <p role="alert" data-testid="inbox-error" style={{ color: theme.sentiment.negative, padding: '0 10px' }}>
          Could not read the inbox: {error}
        </p>
      )}
      <ul
        ref={listRef}
        data-testid="inbox"
        role="listbox"
        aria-label="Inbox"
        style={{ margin: 0, padding: 0, overflowY: 'auto', flex: 1, minHeight: 0 }}
      >
        {items.map((item) => (
          <InboxRow
            key={item.id}
            item={item}
            open={item.id === openId}
            checked={checked.includes(item.id)}
            selectable={selectable}
            others={others[item.id] ?? NOBODY}
            onOpen={onOpen}
            onToggle={onToggle}
          />
        ))}
      </ul>
      {status === 'ready' && items.length === 0 && (
        <p data-testid="inbox-empty" style={{ ...consoleStyles.muted, padding: '12px 10px' }}>
          Nothing here. New items arrive as the rules flag them.
        </p>
      )}
      {truncated && (
        <p style={{ ...consoleStyles.muted, padding: '6px 10px' }}>
          Showing the first {items.length}: narrow the filters to see the rest.
        </p>
      )}
    </section>
  );
}
