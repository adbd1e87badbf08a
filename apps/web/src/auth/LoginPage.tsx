import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { safeNextPath } from './safe-next-path';

const FIELD_STYLE = {
  display: 'block',
  width: '100%',
  boxSizing: 'border-box',
  padding: 12,
  marginTop: 6,
  fontSize: 18,
  borderRadius: 6,
  border: `1px solid ${theme.panelBorder}`,
  background: theme.background,
  color: theme.text,
} as const;

interface FieldProps {
  label: string;
  name: string;
  type: 'email' | 'password';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
}

function Field({ label, name, type, autoComplete, value, onChange }: FieldProps) {
  return (
    <label style={{ display: 'block', marginBottom: 16 }}>
      {label}
      <input
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        style={FIELD_STYLE}
      />
    </label>
  );
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiFetch('/auth/login', { method: 'POST', body: { email, password } });
      window.location.assign(
        safeNextPath(new URLSearchParams(window.location.search).get('next'), window.location.origin),
      );
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 429
          ? 'Too many attempts. Wait a minute and try again.'
          : caught instanceof ApiError && caught.status === 401
            ? 'Wrong e-mail or password.'
            : 'Could not sign in. Is the server running?',
      );
      setBusy(false);
    }
  };

  return (
    <main
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', fontFamily: theme.font, color: theme.text }}
    >
      <form
        data-testid="login-form"
        onSubmit={(event) => void submit(event)}
        style={{
          width: 380,
          background: theme.panel,
          padding: 32,
          borderRadius: 10,
          border: `1px solid ${theme.panelBorder}`,
        }}
      >
        <h1 style={{ marginTop: 0 }}>Watchfloor</h1>
        <Field label="E-mail" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <Problem message={error} testId="login-error" />
        <button
          type="submit"
          disabled={busy}
          style={{
            width: '100%',
            padding: 12,
            fontSize: 18,
            borderRadius: 6,
            border: 'none',
            background: theme.accent,
            color: '#001018',
            fontWeight: 700,
            cursor: 'pointer',
          }}
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
