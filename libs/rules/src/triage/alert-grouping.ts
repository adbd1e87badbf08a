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
 * later than W after the message before. The caller keeps the groups (adding alerts, starting a
 * group over once sent) and must also check on a timer, or the tail of a burst waits for the next alert.
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
