import { shownSamples } from './alert-content';
import { alertHeadline } from './alert-message';
import type { AlertGroup, AlertKind } from './alert-message';

// CloudEvents 1.0, structured mode: the whole event is the JSON body.

export type AlertEventType = `io.watchfloor.alert.${AlertKind}`;
export type AlertCloudEvent = {
  specversion: '1.0';
  /** With `source`, unique per alert: a retried delivery carries the same id, so receivers drop the copy. */
  id: string;
  source: string;
  type: AlertEventType;
  /** The rule's id: receivers can route on it without reading `data`. */
  subject: string;
  /** When the burst's last mention came (RFC 3339); absent if `lastAt` is not a time. */
  time?: string;
  datacontenttype: 'application/json';
  data: AlertGroup & { summary: string };
};

export function alertCloudEvent(group: AlertGroup, { id, source }: { id: string; source: string }): AlertCloudEvent {
  const lastAt = Date.parse(group.lastAt);
  return {
    specversion: '1.0',
    id,
    source,
    type: `io.watchfloor.alert.${group.kind}`,
    subject: group.ruleId,
    ...(!Number.isNaN(lastAt) && { time: new Date(lastAt).toISOString() }),
    datacontenttype: 'application/json',
    data: { summary: alertHeadline(group), ...group, samples: shownSamples(group) },
  };
}
