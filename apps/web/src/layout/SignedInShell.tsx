import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { AccountMenu } from '../auth/AccountMenu';
import type { WebPrincipal } from '../auth/principal';
import { goToLogin, usePrincipal } from '../auth/use-principal';
import { theme } from '../theme';

export type UserPrincipal = Extract<WebPrincipal, { kind: 'user' }>;

const LINKS = [
  { href: '/console', label: 'Console', permission: 'console:use' },
  { href: '/issues', label: 'Issues', permission: 'mentions:read' },
  { href: '/wall', label: 'Wall', permission: 'wall:view' },
  { href: '/queries', label: 'Queries', permission: 'queries:read' },
  { href: '/admin/sources', label: 'Sources', permission: 'sources:read' },
  { href: '/admin/rules', label: 'Rules', permission: 'rules:manage' },
  { href: '/admin/channels', label: 'Channels', permission: 'channels:manage' },
  { href: '/admin/sentiment', label: 'Sentiment', permission: 'sentiment:manage' },
  { href: '/admin/users', label: 'People', permission: 'users:manage' },
  { href: '/admin/screens', label: 'Screens', permission: 'kiosks:manage' },
  { href: '/admin/walls', label: 'Wall layouts', permission: 'walls:manage' },
  { href: '/admin/audit', label: 'Audit', permission: 'audit:read' },
  // Served by the API (the BullMQ dashboard), not a page of this app: the link loads it whole.
  { href: '/admin/queues', label: 'Queues', permission: 'queues:manage' },
];

/** Pages for people signed in: a header with what they may open, and their account menu. */
export function SignedInShell({
  permission,
  children,
}: {
  permission: string;
  children: (principal: UserPrincipal) => ReactNode;
}) {
  const session = usePrincipal();
  const signedOut =
    session.status === 'signed-out' || (session.status === 'signed-in' && session.principal.kind !== 'user');
  useEffect(() => {
    if (signedOut) goToLogin();
  }, [signedOut]);
  if (session.status !== 'signed-in' || session.principal.kind !== 'user') {
    return (
      <p style={{ color: theme.mutedText, fontFamily: theme.font, padding: 24 }}>
        {session.status === 'error' ? `Could not reach the server: ${session.message}` : 'Loading…'}
      </p>
    );
  }
  const principal = session.principal;
  return (
    <div style={{ minHeight: '100vh', fontFamily: theme.font, color: theme.text, background: theme.background }}>
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          padding: '12px 24px',
          borderBottom: `1px solid ${theme.panelBorder}`,
          background: theme.panel,
        }}
      >
        <strong style={{ fontSize: 20 }}>Watchfloor</strong>
        <nav style={{ display: 'flex', gap: 16 }}>
          {LINKS.filter((link) => principal.permissions.includes(link.permission)).map((link) => (
            <a
              key={link.href}
              href={link.href}
              style={{ color: window.location.pathname === link.href ? theme.accent : theme.text }}
            >
              {link.label}
            </a>
          ))}
        </nav>
        <AccountMenu principal={principal} />
      </header>
      {principal.permissions.includes(permission) ? (
        children(principal)
      ) : (
        <p data-testid="forbidden" style={{ padding: 24 }}>
          Your role ({principal.role}) cannot open this page.
        </p>
      )}
    </div>
  );
}
