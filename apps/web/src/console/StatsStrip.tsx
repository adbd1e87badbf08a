import type { ReactNode } from 'react';
import { theme } from '../theme';
import type { ConsoleConnection } from './console-state';
import { consoleStyles } from './console-styles';
import { formatMinutes } from './stats-summary';
import type { StatsSummary } from './stats-summary';
import { ConsoleButton } from './ConsoleButton';

const CONNECTION: Record<ConsoleConnection, { text: string; colour: string }> = {
  connecting: { text: 'connecting', colour: theme.mutedText },
  live: { text: '● live', colour: theme.sentiment.positive },
  reconnecting: { text: 'reconnecting…', colour: theme.sentiment.negative },
};

function Figure({
  testId,
  label,
  title,
  children,
}: {
  testId: string;
  label: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <div data-testid={testId} title={title} style={{ display: 'grid' }}>
      <span style={{ fontSize: 20, fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{children}</span>
      <span style={consoleStyles.muted}>{label}</span>
    </div>
  );
}

/** The team's pulse: how fast it answers, what is open, how often analysis was right. */
export function StatsStrip({
  summary,
  liveOpen,
  teamName,
  connection,
  onHelp,
}: {
  summary: StatsSummary | null;
  /** The inbox's own count when it shows exactly the open items: live, where the stats are a minute old. */
  liveOpen: { count: number; atLimit: boolean } | null;
  teamName: string;
  connection: ConsoleConnection;
  onHelp: () => void;
}) {
  const status = CONNECTION[connection];
  return (
    <header
      data-testid="stats"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 32,
        padding: '8px 16px',
        borderBottom: `1px solid ${theme.panelBorder}`,
        background: theme.panel,
      }}
    >
      <h1 style={{ fontSize: 18, margin: 0 }}>Console</h1>
      <Figure testId="stat-first-response" label={`median first response · ${teamName}`}>
        {formatMinutes(summary?.medianFirstResponseMinutes ?? null)}
      </Figure>
      <Figure testId="stat-my-first-response" label="my median first response">
        {formatMinutes(summary?.myMedianFirstResponseMinutes ?? null)}
      </Figure>
      <Figure testId="stat-open" label={`open · ${teamName}`}>
        {liveOpen !== null
          ? `${liveOpen.count}${liveOpen.atLimit ? '+' : ''}`
          : summary?.open === null || summary === null
            ? '—'
            : summary.open}
      </Figure>
      <Figure
        testId="stat-accuracy"
        label="analysis accuracy"
        title={summary === null ? undefined : `${summary.reviewed} reviewed items; accurate = not corrected`}
      >
        {summary?.accuracy === null || summary === null ? '—' : `${Math.round(summary.accuracy * 100)}%`}
      </Figure>
      <span
        data-testid="console-connection"
        data-state={connection}
        style={{ marginLeft: 'auto', fontSize: 13, fontWeight: 600, color: status.colour }}
      >
        {status.text}
      </span>
      <ConsoleButton onClick={onHelp} title="Keyboard shortcuts (?)">
        ? shortcuts
      </ConsoleButton>
    </header>
  );
}
