import { STALE_AFTER_MS } from '../panel-freshness';
import { shareOfVoice } from '../share-of-voice';
import { useWallPalette } from '../wall-palette';
import { BarRow } from './BarRow';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { streamDataAt } from './panel-inputs';

/** Each brand and competitor query's share of the hour's mentions, in whole percents adding up to 100. */
export function ShareOfVoicePanel(inputs: PanelInputs) {
  const palette = useWallPalette();
  const shares = inputs.queries === null ? [] : shareOfVoice(inputs.wall.minutes, inputs.queries);
  return (
    <Panel
      testId="panel-share-of-voice"
      title="Share of voice, last hour"
      dataAt={inputs.queries === null ? null : streamDataAt(inputs)}
      staleAfterMs={STALE_AFTER_MS.stream}
      live={inputs.live}
    >
      {shares.length === 0 && (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>No saved queries to compare.</p>
      )}
      {shares.map((share) => (
        <BarRow
          key={share.queryId}
          testId="voice-share"
          data={{ 'data-kind': share.kind, 'data-percent': share.percent, 'data-count': share.count }}
          label={`${share.name}${share.kind === 'brand' ? ' (us)' : ''}`}
          fraction={share.percent / 100}
          figure={`${share.percent}%`}
          colour={share.kind === 'brand' ? palette.accent : palette.sentiment.neutral}
        />
      ))}
    </Panel>
  );
}
