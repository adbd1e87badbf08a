import { useEffect, useRef } from 'react';
import { useWallPalette } from './wall-palette';

/**
 * How long the scene has left: a thin bar filling up, animated by the browser (no re-render a
 * frame). Restarted by its `key` when the scene changes.
 */
export function SceneProgress({ startedAt, endsAt }: { startedAt: number; endsAt: number }) {
  const palette = useWallPalette();
  const bar = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (element === null || !Number.isFinite(endsAt) || typeof element.animate !== 'function') return;
    const duration = endsAt - startedAt;
    const animation = element.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], {
      duration,
      // A scene already under way (a reload mid-rotation) starts part filled.
      delay: -(Date.now() - startedAt),
      fill: 'forwards',
      easing: 'linear',
    });
    return () => animation.cancel();
  }, [startedAt, endsAt]);
  return (
    <span
      data-testid="scene-progress"
      style={{
        display: 'block',
        width: '8vw',
        height: '0.6vh',
        background: palette.panelBorder,
        borderRadius: 4,
        overflow: 'hidden',
        visibility: Number.isFinite(endsAt) ? 'visible' : 'hidden',
      }}
    >
      <span
        ref={bar}
        style={{
          display: 'block',
          height: '100%',
          background: palette.accent,
          transformOrigin: 'left',
          transform: 'scaleX(0)',
        }}
      />
    </span>
  );
}
