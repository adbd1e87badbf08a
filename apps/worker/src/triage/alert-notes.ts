import type { TriageItemView } from '@watchfloor/contracts';
import type { AlertNote } from '@watchfloor/persistence';

/** Alert samples carry at most this much of a post: a chat message, not an archive. */
const SAMPLE_TEXT = 280;

/** One alert per channel about an item, for its group (flagged when filed, sla-breach when escalated). */
export function alertNotesFor(
  view: TriageItemView,
  channelIds: readonly string[],
  kind: AlertNote['kind'],
  at: string,
): AlertNote[] {
  return channelIds.map((channelId) => ({
    channelId,
    ruleId: view.rule.id,
    kind,
    ruleName: view.rule.name,
    teamName: view.teamName,
    priority: view.priority,
    at,
    sample: {
      itemId: view.id,
      author: view.mention.author.handle,
      text: view.mention.text.slice(0, SAMPLE_TEXT),
      url: view.mention.url,
      priority: view.priority,
    },
  }));
}
