import type { Priority } from '../rule-definition';

/** Stored and sent as the CloudEvent type's last word: never rename a value. */
export type AlertKind = 'flagged' | 'sla-breach';

export type AlertSample = { itemId: string; author: string; text: string; url: string; priority: Priority };

/**
 * One burst of alerts of one rule for one team. A burst is sent as one message with counts, never
 * one message per mention: forty pings in four minutes teach people to mute the channel.
 */
export type AlertGroup = {
  kind: AlertKind;
  ruleId: string;
  ruleName: string;
  teamName: string;
  priority: Priority;
  /** Mentions in the burst; `samples` shows a few of them. */
  count: number;
  /** ISO 8601 times of the burst's first and last mention. */
  firstAt: string;
  lastAt: string;
  /** At most {@link MAX_ALERT_SAMPLES}; more are left out of the messages. */
  samples: AlertSample[];
  /** Where the team opens the burst in Watchfloor. */
  consoleUrl: string;
};

export const MAX_ALERT_SAMPLES = 5;

/** "P1 · 37 mentions flagged by “Legal threats” for Legal in 4 min": what every message leads with. */
export function alertHeadline(group: AlertGroup): string {
  const mentions = `${group.count} ${group.count === 1 ? 'mention' : 'mentions'}`;
  return `${group.priority} · ${mentions} ${whatHappened(group)} for ${group.teamName}${burstSpan(group)}`;
}

function whatHappened(group: AlertGroup): string {
  switch (group.kind) {
    case 'flagged':
      return `flagged by “${group.ruleName}”`;
    case 'sla-breach':
      return `past the reply deadline of “${group.ruleName}”`;
  }
}

function burstSpan(group: AlertGroup): string {
  const minutes = (Date.parse(group.lastAt) - Date.parse(group.firstAt)) / 60_000;
  if (group.count < 2 || !(minutes >= 0)) return '';
  if (minutes < 1) return ' in under 1 min';
  if (minutes < 120) return ` in ${Math.round(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return ` in ${hours} h${rest > 0 ? ` ${rest} min` : ''}`;
}
