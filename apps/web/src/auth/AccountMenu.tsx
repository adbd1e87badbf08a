import { apiFetch } from '../api/http';
import { theme } from '../theme';
import type { WebPrincipal } from './principal';

async function signOut(): Promise<void> {
  await apiFetch('/auth/logout', { method: 'POST' }).catch(() => undefined);
  window.location.assign('/login');
}

export function AccountMenu({ principal }: { principal: Extract<WebPrincipal, { kind: 'user' }> }) {
  return (
    <div data-testid="account-menu" style={{ display: 'flex', alignItems: 'center', gap: 12, marginLeft: 'auto' }}>
      <span>
        <strong>{principal.displayName}</strong> <span style={{ color: theme.mutedText }}>({principal.role})</span>
      </span>
      <button
        type="button"
        data-testid="sign-out"
        onClick={() => void signOut()}
        style={{
          padding: '6px 12px',
          borderRadius: 6,
          border: `1px solid ${theme.panelBorder}`,
          background: 'transparent',
          color: theme.text,
          cursor: 'pointer',
        }}
      >
        Sign out
      </button>
    </div>
  );
}
