import type { ReactNode } from 'react';
import type { WallState } from '@watchfloor/contracts';
import { mentionsPerMinute } from './minute-totals';
import { StaleSourcesChip } from './StaleSourcesChip';
import type { ConnectionState } from './wall-feed-store';
import { useWallPalette } from './wall-palette';

interface WallHeaderProps {
  wall: WallState;
  connection: ConnectionState;
  /** The scene's name and progress, or the crisis marker. */
  scene: ReactNode;
}

/** Always on screen: the rate, the scene, silent sources, and whether the wall is live at all. */
export function WallHeader({ wall, connection, scene }: WallHeaderProps) {
  const palette = useWallPalette();
  const status = {
    connecting: { text: 'CONNECTING', colour: palette.mutedText },
    live: { text: '● LIVE', colour: palette.sentiment.positive },
    reconnecting: { text: 'RECONNECTING…', colour: palette.sentiment.negative },
    refused: { text: 'NO ACCESS', colour: palette.sentiment.negative },
  }[connection];
  return (
    <header style={{ display: 'flex', alignItems: 'center', gap: '2.5vw', minWidth: 0 }}>
      <h1 style={{ fontSize: palette.type.title, margin: 0 }}>Watchfloor</h1>
      <div data-testid="mentions-per-minute" style={{ display: 'flex', alignItems: 'baseline', gap: '0.6vw' }}>
        <span style={{ fontSize: palette.type.figure, fontWeight: 700 }}>
          {mentionsPerMinute(wall.minutes, wall.at).toLocaleString()}
        </span>
        <span style={{ fontSize: palette.type.small, color: palette.mutedText }}>mentions / min</span>
      </div>
      {scene}
      <span style={{ marginLeft: 'auto' }} />
      <StaleSourcesChip sources={wall.sources?.value ?? []} />
      <span
        data-testid="connection-status"
        data-state={connection}
        style={{ fontSize: palette.type.body, fontWeight: 700, color: status.colour, whiteSpace: 'nowrap' }}
      >
        {status.text}
      </span>
    </header>
  );
}
