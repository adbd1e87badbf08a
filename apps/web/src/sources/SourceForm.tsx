import { useState } from 'react';
import type { FormEvent } from 'react';
import { apiFetch } from '../api/http';
import type { FieldsSchema, SourceKindView } from '@watchfloor/contracts';

const INPUT = { padding: 8, fontSize: 15, width: 280 } as const;

/** The fields a kind's schema names, as inputs; secrets as password inputs that are never prefilled. */
function Fields({
  schema,
  prefix,
  secret,
  values,
  onChange,
}: {
  schema: FieldsSchema | null;
  prefix: 'setting' | 'credential';
  secret: boolean;
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  if (schema?.properties === undefined) return null;
  return (
    <>
      {Object.entries(schema.properties).map(([name, field]) => (
        <label key={name} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {name}
          {(schema.required ?? []).includes(name) ? ' *' : ''}
          {field.enum !== undefined ? (
            <select
              data-testid={`${prefix}-${name}`}
              value={values[name] ?? (typeof field.default === 'string' ? field.default : '')}
              onChange={(event) => onChange(name, event.target.value)}
              style={INPUT}
            >
              {field.enum.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          ) : field.type === 'boolean' ? (
            <input
              type="checkbox"
              data-testid={`${prefix}-${name}`}
              checked={values[name] === 'true'}
              onChange={(event) => onChange(name, String(event.target.checked))}
            />
          ) : (
            <input
              data-testid={`${prefix}-${name}`}
              type={secret ? 'password' : 'text'}
              autoComplete="off"
              value={values[name] ?? ''}
              onChange={(event) => onChange(name, event.target.value)}
              style={INPUT}
            />
          )}
        </label>
      ))}
    </>
  );
}

function filled(values: Record<string, string>, schema: FieldsSchema | null): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === '') continue;
    result[name] = schema?.properties?.[name]?.type === 'boolean' ? value === 'true' : value;
  }
  return result;
}

/** Adds a source: its kind decides which settings and credentials it asks for. */
export function SourceForm({
  kinds,
  onSaved,
  onProblem,
}: {
  kinds: SourceKindView[];
  onSaved: () => void;
  onProblem: (message: string | null) => void;
}) {
  const [kindName, setKindName] = useState('');
  const [name, setName] = useState('');
  const [settings, setSettings] = useState<Record<string, string>>({});
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [pollSeconds, setPollSeconds] = useState('');
  const [budget, setBudget] = useState('');
  const kind = kinds.find((candidate) => candidate.kind === kindName);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (kind === undefined) return;
    onProblem(null);
    const secrets = filled(credentials, kind.credentials);
    try {
      await apiFetch('/sources', {
        method: 'POST',
        body: {
          name,
          kind: kind.kind,
          settings: filled(settings, kind.settings),
          ...(Object.keys(secrets).length > 0 && { credentials: secrets }),
          ...(pollSeconds !== '' && { pollSeconds: Number(pollSeconds) }),
          ...(budget !== '' && { monthlyReadBudget: Number(budget) }),
        },
      });
      setName('');
      setSettings({});
      setCredentials({});
      onSaved();
    } catch (caught) {
      onProblem((caught as Error).message);
    }
  };

  return (
    <form
      data-testid="add-source"
      onSubmit={(event) => void save(event)}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', marginBottom: 24 }}
    >
      <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        Kind
        <select
          data-testid="source-kind"
          value={kindName}
          onChange={(event) => {
            setKindName(event.target.value);
            setSettings({});
            setCredentials({});
          }}
          style={INPUT}
        >
          <option value="">Choose…</option>
          {kinds.map((candidate) => (
            <option key={candidate.kind} value={candidate.kind}>
              {candidate.label}
            </option>
          ))}
        </select>
      </label>
      {kind !== undefined && (
        <>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            Name *
            <input
              data-testid="source-name"
              required
              maxLength={120}
              value={name}
              onChange={(event) => setName(event.target.value)}
              style={INPUT}
            />
          </label>
          <Fields
            schema={kind.settings}
            prefix="setting"
            secret={false}
            values={settings}
            onChange={(field, value) => setSettings({ ...settings, [field]: value })}
          />
          <Fields
            schema={kind.credentials}
            prefix="credential"
            secret
            values={credentials}
            onChange={(field, value) => setCredentials({ ...credentials, [field]: value })}
          />
          {kind.run === 'poll' && (
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              Poll every (s)
              <input
                data-testid="source-poll-seconds"
                type="number"
                min={15}
                placeholder={String(kind.defaultPollSeconds)}
                value={pollSeconds}
                onChange={(event) => setPollSeconds(event.target.value)}
                style={{ ...INPUT, width: 120 }}
              />
            </label>
          )}
          <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            Posts a month
            <input
              data-testid="source-budget"
              type="number"
              min={1}
              placeholder={kind.defaultMonthlyReadBudget === null ? 'unlimited' : String(kind.defaultMonthlyReadBudget)}
              value={budget}
              onChange={(event) => setBudget(event.target.value)}
              style={{ ...INPUT, width: 140 }}
            />
          </label>
          <button type="submit" data-testid="save-source">
            Add source
          </button>
        </>
      )}
    </form>
  );
}
