import { useEffect, useState } from 'react';
import { BURN_IN_STEP_MS, burnInOffset } from './burn-in';

/** The wall's current burn-in shift, moved on each step. */
export function useBurnInOffset(): { x: number; y: number } {
  const [offset, setOffset] = useState(() => burnInOffset(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setOffset(burnInOffset(Date.now())), BURN_IN_STEP_MS / 6);
    return () => clearInterval(timer);
  }, []);
  return offset;
}
