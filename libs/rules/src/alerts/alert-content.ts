// What every alert format shows of a burst: a few samples, each on one line, times and safe links.

import { MAX_ALERT_SAMPLES } from './alert-message';
import type { AlertGroup, AlertSample } from './alert-message';

/** A post's first 280 characters (a full tweet) say what it is about; the console has the rest. */
const SAMPLE_TEXT_LIMIT = 280;

export function shownSamples(group: AlertGroup): AlertSample[] {
  return group.samples.slice(0, MAX_ALERT_SAMPLES);
}

export function notShownCount(group: AlertGroup): number {
  return Math.max(0, group.count - shownSamples(group).length);
}

/** One line, cut on a character (not inside an emoji's surrogate pair). */
export function sampleText(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length <= SAMPLE_TEXT_LIMIT
    ? characters.join('')
    : `${characters.slice(0, SAMPLE_TEXT_LIMIT - 1).join('')}…`;
}

/** "2026-03-02 09:41 UTC", or the text as given if it is not a time. */
export function utcMinute(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Post links come from the platforms: only http(s) ones become links, never `javascript:` and the like. */
export function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
