import { STALE_AFTER_MS, ageText } from '../panel-freshness';
import { PLATFORM_NAMES } from '../platform-names';
import { useWallPalette } from '../wall-palette';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { streamDataAt } from './panel-inputs';
import { PriorityBadge } from './PriorityBadge';

/** Posts the escalation rules flagged, newest first: priority, the team it went to, and why. */
export function FlaggedPanel(inputs: PanelInputs) {
  const palette = useWallPalette();
  const { flagged, at } = inputs.wall;
  return (
    <Panel
      testId="panel-flagged"
      title="Flagged for the teams"
      dataAt={streamDataAt(inputs)}
      staleAfterMs={STALE_AFTER_MS.stream}
      live={inputs.live}
    >
      {flagged.length === 0 && (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>Nothing flagged lately.</p>
      )}
      {flagged.map((item) => (
        <article
          key={item.itemId}
          data-testid="flagged-item"
          data-priority={item.priority}
          style={{
            borderLeft: `0.5vw solid ${palette.priority[item.priority]}`,
            padding: '0.6vh 0.8vw',
            marginBottom: '0.8vh',
            overflow: 'hidden',
          }}
        >
          <header
            style={{
              display: 'flex',
              gap: '0.8vw',
              alignItems: 'baseline',
              fontSize: palette.type.small,
              color: palette.mutedText,
              whiteSpace: 'nowrap',
            }}
          >
            <PriorityBadge priority={item.priority} />
            <span style={{ color: palette.text, fontWeight: 700 }}>{item.teamName}</span>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>rule: {item.ruleName}</span>
            <span style={{ marginLeft: 'auto' }}>
              {PLATFORM_NAMES[item.mention.platform]} · {ageText(at - Date.parse(item.flaggedAt))}
            </span>
          </header>
          <p
            style={{
              margin: '0.3vh 0 0',
              fontSize: palette.type.body,
              color: palette.text,
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
            }}
          >
            {item.mention.text}
          </p>
        </article>
      ))}
    </Panel>
  );
}
