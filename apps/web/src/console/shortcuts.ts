/** The console's keys, as the help overlay lists them and the buttons' titles name them. */
export const SHORTCUTS = [
  { key: 'j', action: 'next', label: 'Next item' },
  { key: 'k', action: 'previous', label: 'Previous item' },
  { key: 'c', action: 'claim', label: 'Claim' },
  { key: 'e', action: 'resolve', label: 'Resolve' },
  { key: 'w', action: 'wait', label: 'Waiting on customer' },
  { key: 'r', action: 'reply', label: 'Write a reply' },
  { key: 'n', action: 'note', label: 'Write an internal note' },
  { key: '1', action: 'correctNegative', label: 'Correct sentiment to negative' },
  { key: '2', action: 'correctNeutral', label: 'Correct sentiment to neutral' },
  { key: '3', action: 'correctPositive', label: 'Correct sentiment to positive' },
  { key: 'x', action: 'toggleSelect', label: 'Tick or untick for a bulk action' },
  { key: '?', action: 'help', label: 'Show or hide these shortcuts' },
  { key: 'Escape', action: 'close', label: 'Close help, or the open item' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** How a key is written for people: "Esc" rather than the event's "Escape". */
export function keyName(key: string): string {
  return key === 'Escape' ? 'Esc' : key;
}

/** "Claim (c)": a button's title names its key. */
export function withShortcut(label: string, action: ShortcutAction): string {
  const shortcut = SHORTCUTS.find((entry) => entry.action === action);
  return shortcut === undefined ? label : `${label} (${keyName(shortcut.key)})`;
}

const BY_KEY = new Map<string, ShortcutAction>(SHORTCUTS.map((entry) => [entry.key, entry.action]));

export function shortcutFor(key: string): ShortcutAction | undefined {
  return BY_KEY.get(key);
}
