import { theme } from '../theme';
import { consoleStyles } from './console-styles';
import { keyName, SHORTCUTS } from './shortcuts';
import { ConsoleButton } from './ConsoleButton';

/** The keyboard shortcuts, over the console; ? or Esc closes it. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <div
      onClick={onClose}
      style={{
        position: 'fixed',
        inset: 0,
        background: 'rgba(0, 0, 0, 0.6)',
        display: 'grid',
        placeItems: 'center',
        zIndex: 10,
      }}
    >
      <div
        data-testid="shortcuts-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(event) => event.stopPropagation()}
        style={{
          background: theme.panel,
          border: `1px solid ${theme.panelBorder}`,
          borderRadius: 8,
          padding: '16px 20px',
          minWidth: 340,
        }}
      >
        <h2 id="shortcuts-title" style={{ margin: '0 0 10px', fontSize: 16 }}>
          Keyboard shortcuts
        </h2>
        <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.key}>
                <td style={{ padding: '3px 14px 3px 0' }}>
                  <kbd
                    style={{
                      border: `1px solid ${theme.panelBorder}`,
                      borderRadius: 3,
                      padding: '1px 6px',
                      fontFamily: 'monospace',
                      background: theme.background,
                    }}
                  >
                    {keyName(shortcut.key)}
                  </kbd>
                </td>
                <td>{shortcut.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ ...consoleStyles.muted, margin: '10px 0 0' }}>Keys do nothing while you type in a field.</p>
        <ConsoleButton onClick={onClose} style={{ marginTop: 10 }}>
          Close
        </ConsoleButton>
      </div>
    </div>
  );
}
