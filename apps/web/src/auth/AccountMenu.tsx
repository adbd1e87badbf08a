import { useState } from 'react';
import { apiFetch } from '../api/http';
import { theme } from '../theme';
import { PasswordChangeForm } from './PasswordChangeForm';
import type { WebPrincipal } from './principal';

async function signOut(path: '/auth/logout' | '/auth/sign-out-everywhere'): Promise<void> {
  await apiFetch(path, { method: 'POST' }).catch(() => undefined);
  window.location.assign('/login');
}

const buttonStyle = {
  padding: '6px 12px',
  borderRadius: 6,
  border: `1px solid ${theme.panelBorder}`,
  background: 'transparent',
  color: theme.text,
  cursor: 'pointer',
} as const;

export function AccountMenu({ principal }: { principal: Extract<WebPrincipal, { kind: 'user' }> }) {
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <div data-testid="account-menu" style={{ display: 'flex', alignItems: 'center', gap: 12, marginLeft: 'auto' }}>
      <span>
        <strong>{principal.displayName}</strong> <span style={{ color: theme.mutedText }}>({principal.role})</span>
      </span>
      <button
        type="button"
        data-testid="change-password"
        onClick={() => setChangingPassword(!changingPassword)}
        style={buttonStyle}
      >
        Password
      </button>
      {changingPassword && <PasswordChangeForm onClose={() => setChangingPassword(false)} />}
      <button
        type="button"
        data-testid="sign-out-everywhere-self"
        title="End every session of yours, on every device"
        onClick={() => {
          if (window.confirm('Sign out on every device, this one included?')) void signOut('/auth/sign-out-everywhere');
        }}
        style={buttonStyle}
      >
        Sign out everywhere
      </button>
      <button type="button" data-testid="sign-out" onClick={() => void signOut('/auth/logout')} style={buttonStyle}>
        Sign out
      </button>
    </div>
  );
}
