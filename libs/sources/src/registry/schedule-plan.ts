import type { SourceDefinition } from './source-definition';
import { effectivePollSeconds, specOf } from './source-definition';

export interface PollSchedule {
  /** Deterministic: the same (source, query) keeps one schedule however often plans are made. */
  id: string;
  sourceId: string;
  queryId: string | null;
  everyMs: number;
}

export interface SchedulePlan {
  polls: PollSchedule[];
  /** Sources that hold a push connection. */
  streams: string[];
}

/**
 * What should be running for these sources and queries: a poll schedule per (source, query) for
 * searchable sources, one per source for feeds and inboxes, a stream job per streaming source.
 */
export function planSchedules(
  sources: Pick<SourceDefinition, 'id' | 'kind' | 'pollSeconds' | 'enabled'>[],
  enabledQueryIds: string[],
): SchedulePlan {
  const plan: SchedulePlan = { polls: [], streams: [] };
  for (const source of sources) {
    if (!source.enabled) continue;
    const spec = specOf(source.kind);
    if (spec.run === 'stream') {
      if (enabledQueryIds.length > 0) plan.streams.push(source.id);
      continue;
    }
    const queryIds = spec.scope === 'query' ? enabledQueryIds : enabledQueryIds.length > 0 ? [null] : [];
    const everyMs = effectivePollSeconds(source, queryIds.length) * 1000;
    for (const queryId of queryIds) {
      plan.polls.push({ id: pollScheduleId(source.id, queryId), sourceId: source.id, queryId, everyMs });
    }
  }
  return plan;
}

export function pollScheduleId(sourceId: string, queryId: string | null): string {
  return `poll:${sourceId}:${queryId ?? '*'}`;
}
