import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';

interface ListeningQuery {
  id: string;
  name: string;
  kind: 'brand' | 'competitor';
  enabled: boolean;
  version: number;
  text: string;
}

interface Preview {
  matched: number;
  scanned: number;
  hours: number;
  complete: boolean;
  byPlatform: Record<string, number>;
  samples: string[];
  platforms: Record<string, { query: string; exact: boolean }[] | { error: string }>;
  hashtags: string[] | null;
}

/** Listening queries: write one, see what it would have caught in the last 24 h, save it. */
export function QueriesPage({ canManage }: { canManage: boolean }) {
  const [queries, setQueries] = useState<ListeningQuery[]>([]);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'brand' | 'competitor'>('brand');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    apiFetch<ListeningQuery[]>('/queries').then(setQueries, (caught: Error) => setProblem(caught.message));
  }, []);
  useEffect(reload, [reload]);

  const explain = (caught: unknown) => setProblem(caught instanceof ApiError ? caught.message : String(caught));

  const tryIt = async () => {
    setProblem(null);
    try {
      setPreview(await apiFetch<Preview>('/queries/preview', { method: 'POST', body: { text, hours: 24 } }));
    } catch (caught) {
      setPreview(null);
      explain(caught);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await apiFetch('/queries', { method: 'POST', body: { name, kind, text } });
      setName('');
      setText('');
      setPreview(null);
      reload();
    } catch (caught) {
      explain(caught);
    }
  };

  return (
    <main data-testid="queries" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Listening queries</h1>
      <form onSubmit={(event) => void save(event)} style={{ display: 'grid', gap: 8, maxWidth: 900, marginBottom: 16 }}>
        <textarea
          data-testid="query-text"
          rows={3}
          placeholder={'skylark ("lost my bag" OR refund NEAR/5 delay) -#giveaway lang:en'}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ fontFamily: 'monospace', fontSize: 16, padding: 8 }}
        />
        <div style={{ display: 'flex', gap: 8 }}>
          <button type="button" data-testid="preview-query" onClick={() => void tryIt()} disabled={text.trim() === ''}>
            Try it on the last 24 h
          </button>
          {canManage && (
            <>
              <input
                data-testid="query-name"
                required
                maxLength={120}
                placeholder="name"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
              <select value={kind} onChange={(event) => setKind(event.target.value as 'brand' | 'competitor')}>
                <option value="brand">brand</option>
                <option value="competitor">competitor</option>
              </select>
              <button type="submit" data-testid="save-query">
                Save
              </button>
            </>
          )}
        </div>
      </form>
      <Problem message={problem} testId="query-problem" />
      {preview !== null && (
        <section data-testid="query-preview" style={{ marginBottom: 24 }}>
          <p>
            This would have matched <strong data-testid="preview-matched">{preview.matched.toLocaleString()}</strong> of{' '}
            {preview.scanned.toLocaleString()} mentions in the last {preview.hours} h
            {preview.complete ? '' : ' (the newest ones only)'}.
          </p>
          <ul>
            {Object.entries(preview.platforms).map(([platform, translation]) => (
              <li key={platform} data-testid={`translation-${platform}`}>
                {platform}:{' '}
                {'error' in translation
                  ? translation.error
                  : translation.map((search, index) => (
                      <span key={index}>
                        {index > 0 && ' + '}
                        <code>{search.query}</code>
                      </span>
                    ))}
                {!('error' in translation) && translation.some((search) => !search.exact)
                  ? ' (wider; filtered here)'
                  : ''}
              </li>
            ))}
            <li>
              Mastodon hashtag timelines:{' '}
              {preview.hashtags === null
                ? 'none (no hashtag every match carries)'
                : preview.hashtags.map((tag) => `#${tag}`).join(', ')}
            </li>
          </ul>
          {preview.samples.map((sample, index) => (
            <blockquote key={index} style={{ color: theme.mutedText }}>
              {sample}
            </blockquote>
          ))}
        </section>
      )}
      <ul data-testid="query-list">
        {queries.map((query) => (
          <li key={query.id}>
            <strong>{query.name}</strong> ({query.kind}, v{query.version}
            {query.enabled ? '' : ', paused'}): <code>{query.text}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
