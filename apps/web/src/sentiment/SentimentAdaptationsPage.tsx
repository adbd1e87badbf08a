import { useCallback, useEffect, useState } from 'react';
import type { SentimentAdaptationsOverview } from '@watchfloor/contracts';
import { AdminTable } from '../admin/AdminTable';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { AdaptationRow } from './AdaptationRow';
import { activateAdaptation, loadAdaptations, retrainNow, scoreWithBundledModel } from './sentiment-adaptations-client';

/** While a retrain runs in the background, the list is read again this often. */
const RETRAIN_POLL_MS = 2_000;
/** A retrain of a few thousand corrections takes seconds; past this the page stops waiting for it. */
const RETRAIN_WAIT_MS = 120_000;

/**
 * Sentiment learned from the console's corrections: each training's figures on the corrections it
 * held back, the version the scorers use, retraining now, and one click to roll back to an older
 * version or to the bundled model alone.
 */
export function SentimentAdaptationsPage() {
  const [overview, setOverview] = useState<SentimentAdaptationsOverview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The newest version when a retrain was asked for: waiting ends when a newer one shows. */
  const [waitingBeyond, setWaitingBeyond] = useState<number | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(() => {
    loadAdaptations().then(setOverview, (caught: Error) => setProblem(caught.message));
  }, []);
  useEffect(reload, [reload]);

  const newestId = overview?.versions[0]?.id ?? null;
  const waiting = waitingBeyond !== undefined && newestId === waitingBeyond;
  useEffect(() => {
    if (!waiting) return;
    const poll = setInterval(reload, RETRAIN_POLL_MS);
    const giveUp = setTimeout(() => {
      setWaitingBeyond(undefined);
      setNotice('The retrain has not finished yet: reload the page later to see it.');
    }, RETRAIN_WAIT_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(giveUp);
    };
  }, [waiting, reload]);
  useEffect(() => {
    if (waitingBeyond !== undefined && newestId !== waitingBeyond) {
      setWaitingBeyond(undefined);
      setNotice(null);
    }
  }, [waitingBeyond, newestId]);

  const change = async (work: () => Promise<SentimentAdaptationsOverview>) => {
    setProblem(null);
    setBusy(true);
    try {
      setOverview(await work());
    } catch (caught) {
      setProblem((caught as Error).message);
      reload();
    } finally {
      setBusy(false);
    }
  };

  const retrain = async () => {
    setProblem(null);
    try {
      const request = await retrainNow();
      setWaitingBeyond(newestId);
      setNotice(`Retraining (${request.reason})…`);
    } catch (caught) {
      setProblem((caught as Error).message);
    }
  };

  if (overview === null) {
    return (
      <main data-testid="sentiment" style={{ padding: 24 }}>
        <h1 style={{ marginTop: 0 }}>Sentiment learned from corrections</h1>
        <Problem message={problem} testId="sentiment-error" />
      </main>
    );
  }
  const { activeId, corrections, retrain: retrainState, versions } = overview;
  return (
    <main data-testid="sentiment" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Sentiment learned from corrections</h1>
      <p style={{ color: theme.mutedText, marginTop: 0, maxWidth: 900 }}>
        Each time agents correct a flagged item&apos;s sentiment in the console, the correction is kept. A retrain
        (every few minutes when there are new ones, or now) learns from them, holding some back to measure the result: a
        version that does at least as well as the bundled model on those is used at once.
      </p>
      <p data-testid="adaptation-in-use">
        Scoring with:{' '}
        <strong>{activeId === null ? `the bundled model (${overview.bundledModelId})` : `version ${activeId}`}</strong>
        {' · '}
        <span data-testid="adaptation-corrections">
          {corrections.available} corrections, {corrections.new} since the newest version
        </span>
      </p>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 16 }}>
        <button
          type="button"
          data-testid="adaptation-retrain"
          disabled={!retrainState.due || waiting}
          title={retrainState.reason}
          onClick={() => void retrain()}
        >
          Retrain now
        </button>
        <button
          type="button"
          data-testid="adaptation-use-bundled"
          disabled={activeId === null || busy}
          onClick={() => void change(scoreWithBundledModel)}
        >
          Use bundled model
        </button>
        <small data-testid="adaptation-retrain-reason" style={{ color: theme.mutedText }}>
          {notice ?? (retrainState.due ? `Ready to retrain: ${retrainState.reason}` : retrainState.reason)}
        </small>
      </div>
      <Problem message={problem} testId="sentiment-error" />
      {versions.length === 0 ? (
        <p data-testid="adaptations-empty" style={{ color: theme.mutedText }}>
          No version yet: the bundled model scores alone until {corrections.minimum} corrections have been made.
        </p>
      ) : (
        <div data-testid="sentiment-adaptations">
          <AdminTable
            headings={[
              'Version',
              'Trained',
              'Corrections',
              'Accuracy (held back)',
              'Macro F1 (held back)',
              'Status',
              '',
            ]}
          >
            {versions.map((version) => (
              <AdaptationRow
                key={version.id}
                version={version}
                activeId={activeId}
                busy={busy}
                onActivate={() => void change(() => activateAdaptation(version.id))}
              />
            ))}
          </AdminTable>
        </div>
      )}
    </main>
  );
}
