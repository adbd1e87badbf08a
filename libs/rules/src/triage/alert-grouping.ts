/**
 * Alert fatigue control: rule alerts are grouped per (channel, rule), so a burst of 500 matching
 * mentions is a handful of messages with counts rather than 500 pings.
 *
 * The rule, per group, with a window W:
 * - a group with nothing waiting sends nothing;
 * - the first alert after a quiet period (no message on that key in the last W) goes out at once;
 * - alerts that arrive within W of the last message wait, and go out together as ONE message with their
 *   count, once the last message is W old (or the oldest waiting alert is W old).
 * So a key sends at most one message per W, the first of a burst without delay and the rest of it no
 * later than W after the message before. The caller must also check on a timer (or at
 * nextAlertFlushAt), or the tail of a burst waits for the next alert.
 */

export interface AlertFlushGroup {
  /** From alertGroupKey. */
  key: string;
  /** The oldest alert not yet sent (ISO 8601); meaningless while count is 0. */
  firstAt: string;
  /** The newest alert not yet sent. */
  lastAt: string;
  /** Alerts not yet sent. */
  count: number;
  /** When the last message for this key went out; null if none ever did. */
  lastSentAt: string | null;
}

/** Rule ids are slugs without ":", so the key splits back unambiguously on its last ":". */
export function alertGroupKey(channelId: string, ruleId: string): string {
  return `${channelId}:${ruleId}`;
}

/** The group with one more alert waiting; pass undefined for a key seen for the first time. */
export function recordAlert(group: AlertFlushGroup | undefined, key: string, at: Date): AlertFlushGroup {
  const atIso = at.toISOString();
  if (!group) return { key, firstAt: atIso, lastAt: atIso, count: 1, lastSentAt: null };
  return group.count === 0
    ? { ...group, firstAt: atIso, lastAt: atIso, count: 1 }
    : { ...group, lastAt: atIso, count: group.count + 1 };
}

/** The group after its waiting alerts went out as one message at `at`. */
export function markAlertGroupSent(group: AlertFlushGroup, at: Date): AlertFlushGroup {
  return { ...group, count: 0, lastSentAt: at.toISOString() };
}

/** When the group's waiting alerts may go out, by the rule above; null when nothing waits. */
function sendableAtMs(group: AlertFlushGroup, windowMs: number): number | null {
  if (group.count <= 0) return null;
  const firstAtMs = Date.parse(group.firstAt);
  if (group.lastSentAt === null) return firstAtMs;
  return Math.min(Date.parse(group.lastSentAt) + windowMs, firstAtMs + windowMs);
}

/** The keys whose waiting alerts should go out now, one message each with the group's count. */
export function decideAlertFlush(groups: readonly AlertFlushGroup[], now: Date, windowMs: number): string[] {
  return groups
    .filter((group) => {
      const sendableAt = sendableAtMs(group, windowMs);
      return sendableAt !== null && sendableAt <= now.getTime();
    })
    .map((group) => group.key);
}

/** When decideAlertFlush will next have something to send: schedule a delayed check then. Null when nothing waits. */
export function nextAlertFlushAt(groups: readonly AlertFlushGroup[], windowMs: number): Date | null {
  const times = groups.map((group) => sendableAtMs(group, windowMs)).filter((time) => time !== null);
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
