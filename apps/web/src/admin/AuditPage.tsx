import { useEffect, useState } from 'react';
import { apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';

type Verdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** The audit log: whether its hash chain holds, and downloads for auditors. */
export function AuditPage() {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiFetch<Verdict>('/audit/verify').then(setVerdict, (caught: Error) => setError(caught.message));
  }, []);
  return (
    <main data-testid="audit" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Audit log</h1>
      <Problem message={error} />
      {verdict !== null && (
        <p
          data-testid="audit-verdict"
          data-ok={String(verdict.ok)}
          style={{ color: verdict.ok ? theme.sentiment.positive : theme.sentiment.negative }}
        >
          {verdict.ok
            ? `Intact: ${verdict.entries} entries, every link checked.`
            : `Broken at entry ${verdict.brokenAt}: ${verdict.reason}.`}
        </p>
      )}
      <p>
        Download:{' '}
        <a href="/api/audit?format=csv" download>
          CSV
        </a>{' '}
        ·{' '}
        <a href="/api/audit?format=json" download="watchfloor-audit.json">
          JSON
        </a>
      </p>
    </main>
  );
}
