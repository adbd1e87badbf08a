import { BURN_IN_RADIUS_PX, BURN_IN_STEP_MS, burnInOffset } from './burn-in';

describe('burn-in shift', () => {
  it('stays put within a step, moves at the next, and comes round after eight', () => {
    const start = 8 * BURN_IN_STEP_MS * 1_000;
    expect(burnInOffset(start)).toEqual({ x: BURN_IN_RADIUS_PX, y: 0 });
    expect(burnInOffset(start + BURN_IN_STEP_MS - 1)).toEqual(burnInOffset(start));
    expect(burnInOffset(start + BURN_IN_STEP_MS)).not.toEqual(burnInOffset(start));
    expect(burnInOffset(start + 8 * BURN_IN_STEP_MS)).toEqual(burnInOffset(start));
  });

  it('never moves the wall more than a few pixels', () => {
    for (let step = 0; step < 8; step++) {
      const { x, y } = burnInOffset(step * BURN_IN_STEP_MS);
      expect(Math.hypot(x, y)).toBeLessThanOrEqual(BURN_IN_RADIUS_PX + 1);
    }
  });
});
