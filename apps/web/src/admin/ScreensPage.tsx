import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { StoredWallLayout } from '@watchfloor/contracts';
import { apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { KioskLayoutSelect } from '../walls/KioskLayoutSelect';
import { AdminTable, Cell } from './AdminTable';

interface Kiosk {
  id: string;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  expiresAt: string;
  layoutId: string | null;
}

function status(kiosk: Kiosk): string {
  if (kiosk.revokedAt !== null) return `revoked ${when(kiosk.revokedAt)}`;
  return Date.parse(kiosk.expiresAt) <= Date.now() ? 'expired: rotate it for a new URL' : 'live';
}

function when(iso: string | null): string {
  return iso === null ? '—' : new Date(iso).toLocaleString();
}

/**
 * Kiosk screens: name one to get its wall URL (shown once), see when each was last seen and when
 * its URL expires, rotate it (a new URL, the old one dead at once) or revoke it. Those who manage
 * wall layouts also pick each screen's layout here.
 */
export function ScreensPage({ canAssignLayouts }: { canAssignLayouts: boolean }) {
  const [kiosks, setKiosks] = useState<Kiosk[]>([]);
  const [layouts, setLayouts] = useState<StoredWallLayout[]>([]);
  const [name, setName] = useState('');
  const [createdUrl, setCreatedUrl] = useState<{ name: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    apiFetch<Kiosk[]>('/kiosks').then(setKiosks, (caught: Error) => setError(caught.message));
    if (canAssignLayouts) {
      apiFetch<StoredWallLayout[]>('/wall/layouts').then(setLayouts, (caught: Error) => setError(caught.message));
    }
  }, [canAssignLayouts]);
  useEffect(reload, [reload]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { wallUrl } = await apiFetch<{ wallUrl: string }>('/kiosks', { method: 'POST', body: { name } });
      setCreatedUrl({ name, url: wallUrl });
      setName('');
      reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  const rotate = async (kiosk: Kiosk) => {
    if (!window.confirm(`New URL for "${kiosk.name}"? The screen goes dark until you open the new one on it.`)) return;
    setError(null);
    try {
      const { wallUrl } = await apiFetch<{ wallUrl: string }>(`/kiosks/${kiosk.id}/rotate`, { method: 'POST' });
      setCreatedUrl({ name: kiosk.name, url: wallUrl });
    } catch (caught) {
      setError((caught as Error).message);
    }
    reload();
  };

  const revoke = async (kiosk: Kiosk) => {
    if (!window.confirm(`Revoke "${kiosk.name}"? The screen goes dark at once.`)) return;
    await apiFetch(`/kiosks/${kiosk.id}`, { method: 'DELETE' }).catch((caught: Error) => setError(caught.message));
    reload();
  };

  return (
    <main data-testid="screens" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Wall screens</h1>
      <form onSubmit={(event) => void create(event)} style={{ display: 'flex', gap: 12, marginBottom: 16 }}>
        <input
          data-testid="kiosk-name"
          placeholder="Screen name, e.g. Lobby"
          required
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.target.value)}
          style={{ padding: 8, fontSize: 16, width: 320 }}
        />
        <button type="submit" data-testid="create-kiosk">
          Create screen
        </button>
      </form>
      {createdUrl !== null && (
        <p data-testid="kiosk-url-box">
          Open this on {createdUrl.name} (it is shown only now): <code data-testid="kiosk-url">{createdUrl.url}</code>
        </p>
      )}
      <Problem message={error} />
      <AdminTable headings={['Name', 'Created', 'Last seen', 'URL expires', 'Status', 'Layout', '']}>
        {kiosks.map((kiosk) => (
          <tr key={kiosk.id} data-testid="kiosk-row" data-kiosk-id={kiosk.id}>
            <Cell>{kiosk.name}</Cell>
            <Cell>{when(kiosk.createdAt)}</Cell>
            <Cell>{when(kiosk.lastSeenAt)}</Cell>
            <Cell>
              <span data-testid="kiosk-expires">{when(kiosk.expiresAt)}</span>
            </Cell>
            <Cell>
              <span data-testid="kiosk-status">{status(kiosk)}</span>
            </Cell>
            <Cell>
              {canAssignLayouts ? (
                <KioskLayoutSelect
                  kioskId={kiosk.id}
                  layoutId={kiosk.layoutId}
                  layouts={layouts}
                  onAssigned={reload}
                  onProblem={setError}
                />
              ) : kiosk.layoutId === null ? (
                'default'
              ) : (
                'its own'
              )}
            </Cell>
            <Cell>
              {kiosk.revokedAt === null && (
                <span style={{ display: 'flex', gap: 8 }}>
                  <button type="button" data-testid="rotate-kiosk" onClick={() => void rotate(kiosk)}>
                    New URL
                  </button>
                  <button type="button" data-testid="revoke-kiosk" onClick={() => void revoke(kiosk)}>
                    Revoke
                  </button>
                </span>
              )}
            </Cell>
          </tr>
        ))}
      </AdminTable>
    </main>
  );
}
