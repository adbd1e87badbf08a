import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../api/http';
import { AdminTable, Cell } from '../admin/AdminTable';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { SourceForm } from './SourceForm';
import type { SourceKindView, SourceView } from '@watchfloor/contracts';

const REFRESH_MS = 10_000;

const STATE_COLOURS: Record<SourceView['state'], string> = {
  ok: theme.sentiment.positive,
  warning: '#ffb347',
  'rate-limited': '#ffb347',
  stale: theme.sentiment.negative,
  error: theme.sentiment.negative,
  'never-run': theme.mutedText,
  disabled: theme.mutedText,
};

function ago(iso: string | null): string {
  if (iso === null) return '—';
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  return duration(seconds) + ' ago';
}

function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5_400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3_600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

/** What is wrong with a source, in the admin's words: the last error, then the budget warnings. */
function problemOf(source: SourceView): string {
  const health = source.health;
  if (health === null) return '';
  const messages = health.warnings.map((warning) => warning.message);
  if (source.state === 'error' && health.lastError !== null) messages.unshift(health.lastError);
  if (source.state === 'rate-limited' && health.blockedUntil !== null) {
    messages.unshift(`rate limited until ${new Date(health.blockedUntil).toLocaleTimeString()}`);
  }
  return messages.join(' · ');
}

/** Sources and their health: last success, lag, errors, rate limit, the month's reads against the budget. */
export function SourcesPage({ canManage }: { canManage: boolean }) {
  const [sources, setSources] = useState<SourceView[]>([]);
  const [kinds, setKinds] = useState<SourceKindView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    apiFetch<SourceView[]>('/sources').then(setSources, (caught: Error) => setProblem(caught.message));
  }, []);
  useEffect(() => {
    reload();
    apiFetch<SourceKindView[]>('/sources/kinds').then(setKinds, (caught: Error) => setProblem(caught.message));
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const act = async (path: string, method: string, body?: unknown) => {
    setProblem(null);
    await apiFetch(path, { method, ...(body !== undefined && { body }) }).catch((caught: Error) =>
      setProblem(caught.message),
    );
    reload();
  };

  return (
    <main data-testid="sources" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Sources</h1>
      {canManage && <SourceForm kinds={kinds} onSaved={reload} onProblem={setProblem} />}
      <Problem message={problem} testId="source-problem" />
      <AdminTable
        headings={['Name', 'Kind', 'State', 'Last success', 'Lag', 'Read this month', 'Rate limit left', 'Problem', '']}
      >
        {sources.map((source) => (
          <tr key={source.id} data-testid="source-row" data-source-name={source.name}>
            <Cell>{source.name}</Cell>
            <Cell>{source.label}</Cell>
            <Cell>
              <strong data-testid="source-state" style={{ color: STATE_COLOURS[source.state] }}>
                {source.state}
              </strong>
            </Cell>
            <Cell>{ago(source.health?.lastSuccessAt ?? null)}</Cell>
            <Cell>{duration(source.lagSeconds)}</Cell>
            <Cell>
              {(source.health?.readsThisMonth ?? 0).toLocaleString()}
              {source.monthlyReadBudget === null ? '' : ` / ${source.monthlyReadBudget.toLocaleString()}`}
            </Cell>
            <Cell>{source.health?.rateLimit.remaining ?? '—'}</Cell>
            <Cell>
              <span data-testid="source-problem-text">{problemOf(source)}</span>
            </Cell>
            <Cell>
              {canManage && (
                <span style={{ display: 'flex', gap: 8 }}>
                  <button
                    type="button"
                    data-testid="toggle-source"
                    onClick={() => void act(`/sources/${source.id}`, 'PATCH', { enabled: !source.enabled })}
                  >
                    {source.enabled ? 'Disable' : 'Enable'}
                  </button>
                  <button
                    type="button"
                    data-testid="poll-source"
                    onClick={() => void act(`/sources/${source.id}/poll`, 'POST')}
                  >
                    Poll now
                  </button>
                  <button
                    type="button"
                    data-testid="delete-source"
                    onClick={() =>
                      window.confirm(`Remove "${source.name}"? Its mentions stay.`) &&
                      void act(`/sources/${source.id}`, 'DELETE')
                    }
                  >
                    Remove
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
