import { alertGroupKey, decideAlertFlush } from './alert-grouping';
import type { AlertFlushGroup } from './alert-grouping';

const MINUTE = 60_000;
const WINDOW = 5 * MINUTE;
const T0 = Date.parse('2026-03-23T09:00:00.000Z');

interface SentMessage {
  key: string;
  at: number;
  count: number;
}

/**
 * Keeps groups the way the worker and the notification repository do: add each alert to its group,
 * check, send, start the group over.
 */
class AlertDesk {
  private readonly groups = new Map<string, AlertFlushGroup>();
  readonly sent: SentMessage[] = [];

  alert(key: string, atMs: number): void {
    const at = new Date(atMs).toISOString();
    const group = this.groups.get(key);
    this.groups.set(
      key,
      group === undefined || group.count === 0
        ? { key, firstAt: at, lastAt: at, count: 1, lastSentAt: group?.lastSentAt ?? null }
        : { ...group, lastAt: at, count: group.count + 1 },
    );
    this.check(atMs);
  }

  check(atMs: number): void {
    for (const key of decideAlertFlush([...this.groups.values()], new Date(atMs), WINDOW)) {
      const group = this.groups.get(key);
      if (!group) continue;
      this.sent.push({ key, at: atMs, count: group.count });
      this.groups.set(key, { ...group, count: 0, lastSentAt: new Date(atMs).toISOString() });
    }
  }
}

const key = alertGroupKey('slack-care', 'refund-requests');

describe('alert grouping', () => {
  it('sends the first alert after a quiet period at once', () => {
    const desk = new AlertDesk();

    desk.alert(key, T0);

    expect(desk.sent).toEqual([{ key, at: T0, count: 1 }]);
  });

  it('turns a burst of 500 alerts over 10 minutes into at most 3 messages that count all 500', () => {
    const desk = new AlertDesk();
    const spacing = (10 * MINUTE) / 500;

    for (let index = 0; index < 500; index += 1) desk.alert(key, T0 + index * spacing);
    // The worker's periodic check, every 30 seconds, for a quarter of an hour.
    for (let atMs = T0; atMs <= T0 + 15 * MINUTE; atMs += MINUTE / 2) desk.check(atMs);

    expect(desk.sent.length).toBeLessThanOrEqual(3);
    expect(desk.sent.reduce((sum, message) => sum + message.count, 0)).toBe(500);
    expect(desk.sent[0]).toEqual({ key, at: T0, count: 1 });
  });

  it('sends at most one message per window on a key', () => {
    const desk = new AlertDesk();

    for (let atMs = T0; atMs < T0 + 30 * MINUTE; atMs += 7_000) desk.alert(key, atMs);

    expect(desk.sent.length).toBeGreaterThanOrEqual(6);
    const gaps = desk.sent.slice(1).map((message, index) => message.at - (desk.sent[index]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(WINDOW);
  });

  it('keeps keys apart: a burst on one rule does not hold back another', () => {
    const desk = new AlertDesk();
    const otherKey = alertGroupKey('slack-care', 'safety');

    desk.alert(key, T0);
    desk.alert(key, T0 + MINUTE);
    desk.alert(otherKey, T0 + 2 * MINUTE);

    expect(desk.sent).toEqual([
      { key, at: T0, count: 1 },
      { key: otherKey, at: T0 + 2 * MINUTE, count: 1 },
    ]);
  });

  it('sends at once again after a quiet window', () => {
    const desk = new AlertDesk();

    desk.alert(key, T0);
    desk.alert(key, T0 + WINDOW + MINUTE);

    expect(desk.sent.map((message) => message.count)).toEqual([1, 1]);
  });

  it('holds the rest of a burst until the window after the message before has passed', () => {
    const desk = new AlertDesk();

    desk.alert(key, T0);
    desk.alert(key, T0 + MINUTE);
    desk.check(T0 + WINDOW - 1);
    expect(desk.sent).toEqual([{ key, at: T0, count: 1 }]);

    desk.check(T0 + WINDOW);
    expect(desk.sent).toEqual([
      { key, at: T0, count: 1 },
      { key, at: T0 + WINDOW, count: 1 },
    ]);
    expect(decideAlertFlush([], new Date(T0), WINDOW)).toEqual([]);
  });
});
