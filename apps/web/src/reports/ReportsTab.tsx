import { useEffect, useState } from 'react';
import type { PeriodSummary } from '@watchfloor/contracts';
import { apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { ReportVolumeChart } from './ReportVolumeChart';
import { PERIOD_CHOICES, periodQueryOf } from './report-period';
import type { PeriodChoice } from './report-period';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const minutes = (value: number | null) => (value === null ? '–' : `${value} min`);

/** Period reports: pick a period, read the figures and the chart, download the CSV or the PDF. */
export function ReportsTab() {
  const [choice, setChoice] = useState<PeriodChoice>('7d');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [summary, setSummary] = useState<PeriodSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const query = periodQueryOf(choice, custom, Date.now());

  useEffect(() => {
    if (query === null) return;
    let live = true;
    setProblem(null);
    apiFetch<PeriodSummary>(`/reports/summary?${query}`).then(
      (loaded) => live && setSummary(loaded),
      (caught: Error) => live && setProblem(caught.message),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const totals = summary?.totals;
  return (
    <section data-testid="reports" style={{ display: 'grid', gap: 16 }}>
      <h2 style={{ margin: 0 }}>Period report</h2>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <select
          data-testid="report-period"
          value={choice}
          onChange={(event) => setChoice(event.target.value as PeriodChoice)}
        >
          {PERIOD_CHOICES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {choice === 'custom' && (
          <>
            <input
              type="datetime-local"
              data-testid="report-from"
              value={custom.from}
              onChange={(event) => setCustom({ ...custom, from: event.target.value })}
            />
            <input
              type="datetime-local"
              data-testid="report-to"
              value={custom.to}
              onChange={(event) => setCustom({ ...custom, to: event.target.value })}
            />
          </>
        )}
        {query !== null && (
          <>
            <a data-testid="report-csv" href={`/api/reports/summary.csv?${query}`} download>
              Download CSV
            </a>
            <a data-testid="report-pdf" href={`/api/reports/summary.pdf?${query}`} download>
              Download PDF
            </a>
          </>
        )}
      </div>
      <Problem message={problem} testId="report-error" />
      {summary !== null && totals !== undefined && (
        <div data-testid="report-summary" style={{ display: 'grid', gap: 16 }}>
          <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(120px, 1fr))', gap: 8, margin: 0 }}>
            {(
              [
                ['Mentions', totals.mentions],
                ['Negative', totals.negative],
                ['Mean sentiment', totals.meanSentiment?.toFixed(2) ?? '–'],
                ['Flagged items', totals.flaggedItems],
                ['Positive', totals.positive],
                ['Neutral', totals.neutral],
                ['Resolved', totals.resolvedItems],
                ['SLA breaches', totals.slaBreaches],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt style={{ color: theme.mutedText, fontSize: 12 }}>{label}</dt>
                <dd style={{ margin: 0, fontSize: 24, fontWeight: 600 }}>{value}</dd>
              </div>
            ))}
          </dl>
          <ReportVolumeChart summary={summary} />
          <h3 style={{ margin: 0 }}>Share of voice</h3>
          <ul style={{ margin: 0 }}>
            {summary.shareOfVoice.map((share) => (
              <li key={share.queryId}>
                {share.name} ({share.kind}): {share.mentions} · {percent(share.share)}
              </li>
            ))}
          </ul>
          <h3 style={{ margin: 0 }}>Response times</h3>
          <ul style={{ margin: 0 }}>
            {summary.responseTimes.map((team) => (
              <li key={team.teamId}>
                {team.teamName}: {team.items} items, median {minutes(team.medianFirstResponseMinutes)}, p90{' '}
                {minutes(team.p90FirstResponseMinutes)}, {team.resolved} resolved, {team.slaBreaches} SLA breaches
              </li>
            ))}
          </ul>
          <h3 style={{ margin: 0 }}>Top issues</h3>
          <ul style={{ margin: 0 }}>
            {summary.topIssues.map((issue) => (
              <li key={issue.issueId}>
                {issue.title}: {issue.volume} mentions, {percent(issue.negativeShare)} negative
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
