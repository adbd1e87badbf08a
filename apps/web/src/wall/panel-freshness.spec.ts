import { STALE_AFTER_MS, ageText, panelFreshness, waitingText } from './panel-freshness';

const NOW = 1_800_000_000_000;

describe('panel freshness', () => {
  it('says a panel without data is waiting, not that it is empty', () => {
    expect(panelFreshness(null, NOW, STALE_AFTER_MS.stream, true)).toEqual({ label: 'waiting for data', stale: false });
  });

  it('labels the age of the data and marks it stale past the threshold', () => {
    expect(panelFreshness(NOW - 3_000, NOW, STALE_AFTER_MS.stream, true)).toEqual({
      label: 'updated 3 s ago',
      stale: false,
    });
    expect(panelFreshness(NOW - 15_000, NOW, STALE_AFTER_MS.stream, true).stale).toBe(false);
    expect(panelFreshness(NOW - 15_001, NOW, STALE_AFTER_MS.stream, true).stale).toBe(true);
    expect(panelFreshness(NOW - 7_000, NOW, STALE_AFTER_MS.crises, true).stale).toBe(true);
  });

  it('marks everything stale while the connection is down, however recent', () => {
    expect(panelFreshness(NOW - 100, NOW, STALE_AFTER_MS.sources, false).stale).toBe(true);
    expect(panelFreshness(null, NOW, STALE_AFTER_MS.sources, false).stale).toBe(true);
  });

  it('never shows a negative age when the server clock runs ahead', () => {
    expect(panelFreshness(NOW + 2_000, NOW, STALE_AFTER_MS.stream, true).label).toBe('updated just now');
  });

  it('writes ages and waits in words a room can read', () => {
    expect(ageText(59_999)).toBe('59 s ago');
    expect(ageText(12 * 60_000)).toBe('12 min ago');
    expect(ageText(2 * 3_600_000 + 1)).toBe('2 h ago');
    expect(waitingText(NOW - 12 * 60_000 - 5_000, NOW)).toBe('12 min');
    expect(waitingText(NOW - 125 * 60_000, NOW)).toBe('2 h 5 min');
  });
});
