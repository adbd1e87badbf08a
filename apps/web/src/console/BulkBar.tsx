import { theme } from '../theme';
import { ConsoleButton } from './ConsoleButton';

/** Acts on every ticked item at once. */
export function BulkBar({
  count,
  busy,
  notice,
  onResolve,
  onSpam,
  onClear,
}: {
  count: number;
  busy: boolean;
  notice: string | null;
  onResolve: () => void;
  onSpam: () => void;
  onClear: () => void;
}) {
  if (count === 0 && notice === null) return null;
  return (
    <div
      data-testid="bulk-bar"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        padding: '6px 10px',
        background: theme.panelBorder,
        fontSize: 12,
        flexWrap: 'wrap',
      }}
    >
      {count > 0 && (
        <>
          <strong>{count} ticked</strong>
          <ConsoleButton data-testid="bulk-resolve" disabled={busy} onClick={onResolve}>
            Resolve
          </ConsoleButton>
          <ConsoleButton data-testid="bulk-spam" disabled={busy} onClick={onSpam}>
            Mark spam
          </ConsoleButton>
          <ConsoleButton onClick={onClear}>Clear</ConsoleButton>
        </>
      )}
      {notice !== null && (
        <span data-testid="bulk-notice" role="status" style={{ color: theme.mutedText }}>
          {notice}
        </span>
      )}
    </div>
  );
}
