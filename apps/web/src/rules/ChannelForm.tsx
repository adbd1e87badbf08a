import { useState } from 'react';
import type { FormEvent } from 'react';
import { apiFetch } from '../api/http';
import { CHANNEL_KINDS } from './channel-types';
import type { ChannelKind } from './channel-types';
import { channelFromForm, emptyChannelForm, targetLabel } from './channel-form-model';
import { Field, inputStyle } from './Field';

/** Adds a notification channel; the server checks the URL or recipients again before storing them. */
export function ChannelForm({
  onSaved,
  onProblem,
}: {
  onSaved: () => void;
  onProblem: (message: string | null) => void;
}) {
  const [form, setForm] = useState(emptyChannelForm);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = channelFromForm(form);
    if (!result.ok) {
      onProblem(result.problems.join('; '));
      return;
    }
    onProblem(null);
    setSaving(true);
    try {
      await apiFetch('/notification-channels', { method: 'POST', body: result.channel });
      setForm(emptyChannelForm());
      onSaved();
    } catch (caught) {
      onProblem((caught as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      data-testid="add-channel"
      noValidate
      onSubmit={(event) => void save(event)}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', marginBottom: 24 }}
    >
      <Field label="Name">
        <input
          data-testid="channel-name"
          maxLength={120}
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
          style={inputStyle}
        />
      </Field>
      <Field label="Kind">
        <select
          data-testid="channel-kind"
          value={form.kind}
          onChange={(event) => setForm({ ...form, kind: event.target.value as ChannelKind })}
          style={inputStyle}
        >
          {CHANNEL_KINDS.map((kind) => (
            <option key={kind}>{kind}</option>
          ))}
        </select>
      </Field>
      <Field label={targetLabel(form.kind)}>
        <input
          data-testid="channel-target"
          inputMode={form.kind === 'email' ? 'email' : 'url'}
          autoComplete="off"
          placeholder={form.kind === 'email' ? 'pr@example.com, legal@example.com' : 'https://'}
          value={form.target}
          onChange={(event) => setForm({ ...form, target: event.target.value })}
          style={{ ...inputStyle, width: 380 }}
        />
      </Field>
      <button type="submit" data-testid="save-channel" disabled={saving}>
        Add channel
      </button>
    </form>
  );
}
