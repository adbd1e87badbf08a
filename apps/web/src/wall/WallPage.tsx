import { useEffect, useMemo, useState } from 'react';
import { minuteTotal } from '@watchfloor/wall';
import { goToLogin } from '../auth/use-principal';
import { useCalendarEvents } from '../calendar/use-calendar-events';
import { WALL_PALETTES, theme } from '../theme';
import { CrisisView } from './crisis/CrisisView';
import type { PanelInputs } from './panels/panel-inputs';
import { pinnedScene } from './scene-rotation';
import { SceneGrid } from './SceneGrid';
import { SceneProgress } from './SceneProgress';
import { useBurnInOffset } from './use-burn-in';
import { useLiveWall } from './use-live-wall';
import { useSceneRotation } from './use-scene-rotation';
import { useWallLayout } from './use-wall-layout';
import { useWallQueries } from './use-wall-queries';
import { WallHeader } from './WallHeader';
import { WallPaletteContext } from './wall-palette';
import { enterAsKiosk, isKioskScreen, takeKioskTokenFromUrl } from './kiosk-entry';

/** The calendar window: the longest chart on the wall (the crisis timeline) spans the last hour. */
const CALENDAR_WINDOW_MS = 60 * 60_000;

/** `?layout` and `?scene` pick what it shows. */
function wallParams() {
  const params = new URLSearchParams(window.location.search);
  return { layoutId: params.get('layout'), scene: params.get('scene') };
}

type Entry = { state: 'entering' } | { state: 'ready'; kiosk: boolean } | { state: 'refused'; reason: string };

/**
 * A kiosk screen arrives with its token in the URL: it is dropped from the address bar at once
 * and traded for an HttpOnly cookie, then the wall runs on the cookie, as a person's on their session.
 */
export function WallPage() {
  const [token] = useState(takeKioskTokenFromUrl);
  const [entry, setEntry] = useState<Entry>(() =>
    token === undefined ? { state: 'ready', kiosk: isKioskScreen() } : { state: 'entering' },
  );
  useEffect(() => {
    if (token === undefined) return;
    enterAsKiosk(token).then(
      () => setEntry({ state: 'ready', kiosk: true }),
      (error: Error) => setEntry({ state: 'refused', reason: error.message }),
    );
  }, [token]);
  if (entry.state === 'entering')
    return <main data-testid="wall-entering" style={{ height: '100vh', background: '#000' }} />;
  if (entry.state === 'refused') return <ScreenOff message={`This screen is off: ${entry.reason}.`} />;
  return <Wall kiosk={entry.kiosk} />;
}

function ScreenOff({ message }: { message: string }) {
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
      {message}
    </main>
  );
}

/** The kiosk wall: readable from across a room, no scrolling, no mouse. */
function Wall({ kiosk }: { kiosk: boolean }) {
  const params = useMemo(wallParams, []);
  // Credentials ride in cookies (the session's or the kiosk's): no token to pass around.
  const { wall, connection, refusal, stats } = useLiveWall({});
  const layout = useWallLayout(undefined, params.layoutId);
  const queries = useWallQueries(undefined);
  const scenes = layout?.scenes ?? [];
  const position = useSceneRotation(scenes, pinnedScene(params.scene, scenes.length));
  const offset = useBurnInOffset();
  const calendarTo = Math.ceil((wall.at || Date.now()) / 60_000) * 60_000;
  const calendar = useCalendarEvents({ from: calendarTo - CALENDAR_WINDOW_MS, to: calendarTo }, undefined);
  const signInNeeded = connection === 'refused' && !kiosk;
  useEffect(() => {
    if (signInNeeded) goToLogin();
  }, [signInNeeded]);

  if (connection === 'refused') {
    return (
      <ScreenOff message={kiosk ? `This screen is off: ${refusal ?? 'access refused'}.` : 'Sign in to see the wall.'} />
    );
  }

  const themeName = layout?.theme ?? 'dark';
  const palette = WALL_PALETTES[themeName];
  const scene = scenes[position.index];
  const crisis = wall.crises !== null && wall.crises.value.length > 0 ? wall.crises : null;
  const inputs: PanelInputs = { wall, live: connection === 'live', queries, calendar };
  return (
    <WallPaletteContext.Provider value={palette}>
      <main
        data-testid="wall"
        data-theme={themeName}
        data-scene={crisis === null ? (scene?.name ?? '') : 'crisis'}
        data-scene-index={position.index}
        data-crisis={crisis?.value[0]?.issue.id}
        data-frame-id={wall.frameId ?? ''}
        data-frames-applied={stats.applied}
        data-frame-repeats={stats.repeats}
        data-frame-gaps={stats.gaps}
        data-frame-resets={stats.resets}
        data-total-mentions={wall.minutes.reduce((sum, minute) => sum + minuteTotal(minute), 0)}
        style={{
          height: '100vh',
          overflow: 'hidden',
          fontFamily: palette.font,
          color: palette.text,
          background: palette.background,
        }}
      >
        <div
          style={{
            height: '100%',
            boxSizing: 'border-box',
            padding: '2vh 1.5vw',
            display: 'grid',
            gridTemplateRows: 'auto minmax(0, 1fr)',
            gap: '1.5vh',
            // Against burn-in: the whole wall drifts a few pixels, slowly, round a circle.
            transform: `translate(${offset.x}px, ${offset.y}px)`,
            transition: 'transform 20s linear',
          }}
        >
          <WallHeader
            wall={wall}
            connection={connection}
            scene={
              crisis === null && scene !== undefined ? (
                <div style={{ display: 'flex', flexDirection: 'column', gap: '0.5vh' }}>
                  <span data-testid="scene-name" style={{ fontSize: palette.type.body, fontWeight: 700 }}>
                    {scene.name}
                    {scenes.length > 1 && (
                      <span style={{ color: palette.mutedText, fontWeight: 400 }}>
                        {' '}
                        · {position.index + 1}/{scenes.length}
                      </span>
                    )}
                  </span>
                  <SceneProgress key={position.startedAt} startedAt={position.startedAt} endsAt={position.endsAt} />
                </div>
              ) : null
            }
          />
          {crisis !== null ? (
            <CrisisView crises={crisis} inputs={inputs} />
          ) : (
            scene !== undefined && <SceneGrid scene={scene} inputs={inputs} />
          )}
        </div>
      </main>
    </WallPaletteContext.Provider>
  );
}
