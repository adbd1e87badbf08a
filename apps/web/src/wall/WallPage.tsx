import { useEffect } from 'react';
import { goToLogin } from '../auth/use-principal';
import { theme } from '../theme';
import type { ConnectionState } from './live-wall-store';
import { MentionStream } from './MentionStream';
import { useLiveWall } from './use-live-wall';
import { VolumeChart } from './VolumeChart';
import { mentionsPerMinute } from './wall-store';

const CONNECTION_LABELS: Record<ConnectionState, { text: string; colour: string }> = {
  connecting: { text: 'CONNECTING', colour: theme.mutedText },
  live: { text: '● LIVE', colour: theme.sentiment.positive },
  reconnecting: { text: 'RECONNECTING…', colour: theme.sentiment.negative },
  refused: { text: 'NO ACCESS', colour: theme.sentiment.negative },
};

/** A kiosk screen carries its token in its URL; people use their session. */
function kioskToken(): string | undefined {
  return new URLSearchParams(window.location.search).get('kiosk') ?? undefined;
}

/** The kiosk wall: readable from across a room, no scrolling, no mouse. */
export function WallPage() {
  const token = kioskToken();
  const { wall, connection, lastEventAt, refusal } = useLiveWall(token === undefined ? {} : { token });
  const signInNeeded = connection === 'refused' && token === undefined;
  useEffect(() => {
    if (signInNeeded) goToLogin();
  }, [signInNeeded]);
  if (connection === 'refused') {
    return (
      <main
        data-testid="wall-revoked"
        style={{
          height: '100vh',
          background: '#000',
          color: theme.mutedText,
          display: 'grid',
          placeItems: 'center',
          fontFamily: theme.font,
          fontSize: theme.type.body,
        }}
      >
        {token === undefined ? 'Sign in to see the wall.' : `This screen is off: ${refusal ?? 'access refused'}.`}
      </main>
    );
  }
  const perMinute = mentionsPerMinute(wall, Date.now());
  const status = CONNECTION_LABELS[connection];
  return (
    <main
      data-testid="wall"
      style={{
        height: '100vh',
        boxSizing: 'border-box',
        padding: '2vh 2vw',
        display: 'grid',
        gridTemplateRows: 'auto 1fr',
        gap: '2vh',
        fontFamily: theme.font,
        color: theme.text,
        background: theme.background,
        overflow: 'hidden',
      }}
    >
      <header style={{ display: 'flex', alignItems: 'center', gap: '3vw' }}>
        <h1 style={{ fontSize: theme.type.title, margin: 0 }}>Watchfloor</h1>
        <div data-testid="mentions-per-minute" style={{ display: 'flex', alignItems: 'baseline', gap: '0.6vw' }}>
          <span style={{ fontSize: theme.type.figure, fontWeight: 700 }}>{perMinute.toLocaleString()}</span>
          <span style={{ fontSize: theme.type.small, color: theme.mutedText }}>mentions / min</span>
        </div>
        <span
          data-testid="connection-status"
          data-state={connection}
          title={lastEventAt === null ? 'no data yet' : `last update ${new Date(lastEventAt).toLocaleTimeString()}`}
          style={{ marginLeft: 'auto', fontSize: theme.type.body, fontWeight: 700, color: status.colour }}
        >
          {status.text}
        </span>
      </header>
      <div style={{ display: 'grid', gridTemplateColumns: '3fr 2fr', gap: '2vw', minHeight: 0 }}>
        <MentionStream mentions={wall.mentions} />
        <VolumeChart minutes={wall.minutes} />
      </div>
    </main>
  );
}
