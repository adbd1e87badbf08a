import type { WallFrame } from '@watchfloor/contracts';

/** Frame ids are Redis stream ids, `<ms>-<seq>`: ordered by time, then sequence. */
export function compareFrameIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}

/**
 * What a screen holding `frameId` does with an incoming frame: apply the next one, drop one it has
 * (a repeat after a reconnect), or fetch what it missed first (a gap).
 */
export function placeFrame(
  frameId: string | null,
  frame: Pick<WallFrame, 'id' | 'previousId'>,
): 'apply' | 'repeat' | 'gap' {
  if (frameId !== null && compareFrameIds(frame.id, frameId) <= 0) return 'repeat';
  return frame.previousId === frameId ? 'apply' : 'gap';
}
