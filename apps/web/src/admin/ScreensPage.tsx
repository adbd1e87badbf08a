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
  layoutId: string | null;
}

function when(iso: string | null): string {
  return iso === null ? '—' : new Date(iso).toLocaleString();
}

/**
 * Kiosk screens: name one to get its wall URL (shown once), see when each was last seen, revoke.
 * Those who manage wall layouts also pick each screen's layout here.
 */
export function ScreensPage({ canAssignLayouts }: { canAssignLayouts: boolean }) {
  const [kiosks, setKiosks] = useState<Kiosk[]>([]);
  const [layouts, setLayouts] = useState<StoredWallLayout[]>([]);
  const [name, setName] = useState('');
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
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
      setCreatedUrl(wallUrl);
      setName('');
      reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
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
          Open this on the screen (it is shown only now): <code data-testid="kiosk-url">{createdUrl}</code>
        </p>
      )}
      <Problem message={error} />
      <AdminTable headings={['Name', 'Created', 'Last seen', 'Status', 'Layout', '']}>
        {kiosks.map((kiosk) => (
          <tr key={kiosk.id} data-testid="kiosk-row" data-kiosk-id={kiosk.id}>
            <Cell>{kiosk.name}</Cell>
            <Cell>{when(kiosk.createdAt)}</Cell>
            <Cell>{when(kiosk.lastSeenAt)}</Cell>
            <Cell>{kiosk.revokedAt === null ? 'live' : `revoked ${when(kiosk.revokedAt)}`}</Cell>
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
                <button type="button" data-testid="revoke-kiosk" onClick={() => void revoke(kiosk)}>
                  Revoke
                </button>
              )}
            </Cell>
          </tr>
        ))}
      </AdminTable>
    </main>
  );
}
