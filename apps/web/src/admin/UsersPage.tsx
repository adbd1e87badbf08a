import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { AdminTable, Cell } from './AdminTable';
import { UserAccessActions } from './UserAccessActions';

const ROLES = ['admin', 'manager', 'agent', 'analyst', 'viewer'] as const;

interface User {
  id: string;
  email: string;
  displayName: string;
  role: string;
  disabled: boolean;
  teamIds: string[];
}

const EMPTY_FORM = { email: '', displayName: '', role: 'agent', password: '' };

/**
 * Accounts: create one, change its role, disable or enable it, reset its password or sign it
 * out everywhere (each of which ends its sessions).
 */
export function UsersPage() {
  const [users, setUsers] = useState<User[]>([]);
  const [form, setForm] = useState(EMPTY_FORM);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(() => {
    apiFetch<User[]>('/users').then(setUsers, (caught: Error) => setError(caught.message));
  }, []);
  useEffect(reload, [reload]);

  const change = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError((caught as Error).message);
    }
    reload();
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void change(async () => {
      await apiFetch('/users', { method: 'POST', body: form });
      setForm(EMPTY_FORM);
    });
  };

  const input = { padding: 8, fontSize: 15 } as const;
  return (
    <main data-testid="users" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>People</h1>
      <form onSubmit={create} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 16 }}>
        <input
          data-testid="user-email"
          type="email"
          required
          placeholder="e-mail"
          value={form.email}
          onChange={(event) => setForm({ ...form, email: event.target.value })}
          style={input}
        />
        <input
          data-testid="user-name"
          required
          placeholder="name"
          maxLength={120}
          value={form.displayName}
          onChange={(event) => setForm({ ...form, displayName: event.target.value })}
          style={input}
        />
        <select
          data-testid="user-role"
          value={form.role}
          onChange={(event) => setForm({ ...form, role: event.target.value })}
          style={input}
        >
          {ROLES.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
        <input
          data-testid="user-password"
          type="password"
          required
          minLength={12}
          placeholder="password (12+ characters)"
          autoComplete="new-password"
          value={form.password}
          onChange={(event) => setForm({ ...form, password: event.target.value })}
          style={input}
        />
        <button type="submit" data-testid="create-user">
          Add person
        </button>
      </form>
      <Problem message={error} />
      {notice !== null && <p data-testid="users-notice">{notice}</p>}
      <AdminTable headings={['E-mail', 'Name', 'Role', 'Teams', 'Status', '']}>
        {users.map((user) => (
          <tr key={user.id} data-testid="user-row">
            <Cell>{user.email}</Cell>
            <Cell>{user.displayName}</Cell>
            <Cell>
              <select
                aria-label={`role of ${user.email}`}
                value={user.role}
                onChange={(event) =>
                  void change(() =>
                    apiFetch(`/users/${user.id}`, { method: 'PATCH', body: { role: event.target.value } }),
                  )
                }
              >
                {ROLES.map((role) => (
                  <option key={role}>{role}</option>
                ))}
              </select>
            </Cell>
            <Cell>{user.teamIds.length}</Cell>
            <Cell>{user.disabled ? 'disabled' : 'active'}</Cell>
            <Cell>
              <button
                type="button"
                onClick={() =>
                  void change(() =>
                    apiFetch(`/users/${user.id}`, { method: 'PATCH', body: { disabled: !user.disabled } }),
                  )
                }
              >
                {user.disabled ? 'Enable' : 'Disable'}
              </button>{' '}
              <UserAccessActions
                user={user}
                onDone={(outcome) => {
                  if ('problem' in outcome) {
                    setNotice(null);
                    setError(outcome.problem);
                  } else {
                    setError(null);
                    setNotice(outcome.message);
                  }
                }}
              />
            </Cell>
          </tr>
        ))}
      </AdminTable>
    </main>
  );
}
