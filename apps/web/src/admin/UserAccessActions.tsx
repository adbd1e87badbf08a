import { useState } from 'react';
import type { FormEvent } from 'react';
import { apiFetch } from '../api/http';

/**
 * An admin's reset of someone's password and "sign out everywhere": both end every session of
 * theirs at once (audited on the server). `onDone` says what happened, or what went wrong.
 */
export function UserAccessActions({
  user,
  onDone,
}: {
  user: { id: string; email: string };
  onDone: (notice: { message: string } | { problem: string }) => void;
}) {
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');

  const act = async (work: () => Promise<{ endedSessions: number }>, what: string) => {
    try {
      const { endedSessions } = await work();
      onDone({ message: `${what} for ${user.email}: ${endedSessions} session(s) ended` });
    } catch (caught) {
      onDone({ problem: (caught as Error).message });
    }
  };

  const reset = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () => apiFetch(`/users/${user.id}/password`, { method: 'POST', body: { password } }),
      'Password reset',
    ).then(() => {
      setPassword('');
      setResetting(false);
    });
  };

  const signOutEverywhere = () => {
    if (!window.confirm(`Sign ${user.email} out on every device?`)) return;
    void act(() => apiFetch(`/users/${user.id}/sign-out-everywhere`, { method: 'POST' }), 'Signed out everywhere');
  };

  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      {resetting ? (
        <form onSubmit={reset} style={{ display: 'inline-flex', gap: 4 }}>
          <input
            data-testid="reset-password-input"
            aria-label={`new password for ${user.email}`}
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            placeholder="new password (12+)"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit" data-testid="reset-password-save">
            Set
          </button>
          <button type="button" onClick={() => setResetting(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" data-testid="reset-password" onClick={() => setResetting(true)}>
          Reset password
        </button>
      )}
      <button type="button" data-testid="sign-out-everywhere" onClick={signOutEverywhere}>
        Sign out everywhere
      </button>
    </span>
  );
}
