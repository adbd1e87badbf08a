import { useEffect, useState } from 'react';
import type { WallScene } from '@watchfloor/contracts';
import { scenePosition } from './scene-rotation';
import type { ScenePosition } from './scene-rotation';

/**
 * The scene up now, moving on when its time is over. A pinned scene (`?scene=`) stays; a new
 * layout starts its rotation from its first scene.
 */
export function useSceneRotation(scenes: readonly WallScene[], pinned: number | null): ScenePosition {
  const durations = scenes.map((scene) => scene.durationSeconds).join(',');
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const started = Date.now();
    setSince(started);
    setNow(started);
  }, [durations, pinned]);
  const position =
    pinned !== null
      ? { index: pinned, startedAt: since, endsAt: Infinity }
      : scenePosition(durations === '' ? [] : durations.split(',').map(Number), since, now);
  useEffect(() => {
    if (!Number.isFinite(position.endsAt)) return;
    const endsAt = position.endsAt;
    // Never before the end, even if the timer fires a little early: the next scene must come up.
    const timer = setTimeout(() => setNow(Math.max(Date.now(), endsAt)), Math.max(0, endsAt - Date.now()));
    return () => clearTimeout(timer);
  }, [position.endsAt]);
  return position;
}
