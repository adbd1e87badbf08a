import { useState } from 'react';
import type { FormEvent } from 'react';
import { apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';

/**
 * The signed-in user's own password change: the current password is asked for (a borrowed,
 * unlocked screen is not enough), and every other session of theirs ends; this one stays.
 */
export function PasswordChangeForm({ onClose }: { onClose: () => void }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (newPassword !== repeated) return setProblem('The new password and its repetition differ');
    try {
      await apiFetch('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      setDone(true);
      setCurrentPassword('');
      setNewPassword('');
      setRepeated('');
    } catch (caught) {
      setProblem((caught as Error).message);
    }
  };

  const field = { padding: 6, fontSize: 14 } as const;
  return (
    <form
      data-testid="password-change"
      onSubmit={(event) => void submit(event)}
      style={{
        position: 'absolute',
        right: 16,
        top: 56,
        zIndex: 10,
        display: 'grid',
        gap: 8,
        padding: 16,
        width: 280,
        background: theme.background,
        border: `1px solid ${theme.panelBorder}`,
        borderRadius: 8,
      }}
    >
      <strong>Change your password</strong>
      <input
        data-testid="current-password"
        type="password"
        required
        autoComplete="current-password"
        placeholder="current password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        style={field}
      />
      <input
        data-testid="new-password"
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        placeholder="new password (12+ characters)"
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        style={field}
      />
      <input
        data-testid="repeat-password"
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        placeholder="new password again"
        value={repeated}
        onChange={(event) => setRepeated(event.target.value)}
        style={field}
      />
      <Problem message={problem} />
      {done && <p data-testid="password-changed">Changed. Your other sessions were signed out.</p>}
      <span style={{ display: 'flex', gap: 8 }}>
        <button type="submit" data-testid="save-password">
          Change password
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </span>
    </form>
  );
}
