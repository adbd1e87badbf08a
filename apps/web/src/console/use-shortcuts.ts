import { useEffect, useRef } from 'react';

/** The console's keys, as the help overlay and the buttons' titles name them. */
export const SHORTCUTS = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'c', action: 'claim' },
  { key: 'e', action: 'resolve' },
  { key: 'w', action: 'wait' },
  { key: 'r', action: 'reply' },
  { key: 'n', action: 'note' },
  { key: '1', action: 'correctNegative' },
  { key: '2', action: 'correctNeutral' },
  { key: '3', action: 'correctPositive' },
  { key: 'x', action: 'toggleSelect' },
  { key: '?', action: 'help' },
  { key: 'Escape', action: 'close' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

export const SHORTCUT_LABELS: Record<ShortcutAction, string> = {
  next: 'Next item',
  previous: 'Previous item',
  claim: 'Claim',
  resolve: 'Resolve',
  wait: 'Waiting on customer',
  reply: 'Write a reply',
  note: 'Write an internal note',
  correctNegative: 'Correct sentiment to negative',
  correctNeutral: 'Correct sentiment to neutral',
  correctPositive: 'Correct sentiment to positive',
  toggleSelect: 'Tick or untick for a bulk action',
  help: 'Show or hide these shortcuts',
  close: 'Close help, or the open item',
};

/** "Claim (c)": a button's title names its key. */
export function withShortcut(label: string, action: ShortcutAction): string {
  const shortcut = SHORTCUTS.find((entry) => entry.action === action);
  return shortcut === undefined ? label : `${label} (${shortcut.key === 'Escape' ? 'Esc' : shortcut.key})`;
}

const BY_KEY = new Map<string, ShortcutAction>(SHORTCUTS.map((entry) => [entry.key, entry.action]));

/** Keys typed into a field are text, not commands (Escape excepted: it leaves the field). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
  );
}

/** The console's keyboard: one listener on the window, calling the latest handler. */
export function useShortcuts(handle: (action: ShortcutAction) => void): void {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const action = BY_KEY.get(event.key);
      if (action === undefined) return;
      // Holding j or k runs down the inbox; held down, any other key would act again and again.
      if (event.repeat && action !== 'next' && action !== 'previous') return;
      if (isTyping(event.target)) {
        if (action === 'close' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
