import { STALE_AFTER_MS } from '../panel-freshness';
import { useWallPalette } from '../wall-palette';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { PriorityBadge } from './PriorityBadge';
import { Sparkline } from './Sparkline';

/** Emerging issues: what they are about, their last half hour, and how bad they look. */
export function IssuesPanel({ wall, live }: PanelInputs) {
  const palette = useWallPalette();
  const issues = wall.issues?.value ?? [];
  return (
    <Panel
      testId="panel-issues"
      title="Emerging issues"
      dataAt={wall.issues?.asOf ?? null}
      staleAfterMs={STALE_AFTER_MS.issues}
      live={live}
    >
      {issues.length === 0 && (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>No emerging issues.</p>
      )}
      {issues.map((issue) => (
        <article
          key={issue.id}
          data-testid="issue-row"
          data-issue-id={issue.id}
          data-priority={issue.priority ?? ''}
          style={{
            display: 'grid',
            gridTemplateColumns: '1fr 22%',
            gap: '0.8vw',
            alignItems: 'center',
            padding: '0.6vh 0',
            borderBottom: `1px solid ${palette.panelBorder}`,
          }}
        >
          <div style={{ minWidth: 0 }}>
            <div
              style={{
                display: 'flex',
                gap: '0.6vw',
                alignItems: 'baseline',
                fontSize: palette.type.body,
                fontWeight: 700,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
              }}
            >
              {issue.priority !== null && <PriorityBadge priority={issue.priority} />}
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{issue.title.join(' · ')}</span>
            </div>
            <div style={{ display: 'flex', gap: '1.2vw', fontSize: palette.type.small, color: palette.mutedText }}>
              <span data-testid="issue-volume">{issue.volume.toLocaleString()} mentions</span>
              <span style={{ color: issue.negativeShare >= 0.5 ? palette.sentiment.negative : palette.mutedText }}>
                {Math.round(issue.negativeShare * 100)}% negative
              </span>
              <span>reach {Math.round(issue.reach).toLocaleString()}</span>
            </div>
          </div>
          <div data-testid="issue-sparkline" style={{ height: '5vh' }}>
            <Sparkline
              values={issue.sparkline}
              colour={issue.negativeShare >= 0.5 ? palette.sentiment.negative : palette.accent}
            />
          </div>
        </article>
      ))}
    </Panel>
  );
}
