import type { ReactNode } from 'react';
import { theme } from '../theme';

/** The editors' text inputs and selects share one look. */
export const inputStyle = { padding: 6, fontSize: 14, minWidth: 120 } as const;

/** A labelled input; `hint` says what to type, in muted text under the label. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <span>
        {label}
        {hint !== undefined && <small style={{ color: theme.mutedText }}> ({hint})</small>}
      </span>
      {children}
    </label>
  );
}
