import type { TriageItemView } from '@watchfloor/contracts';

export type SlaState =
  | { kind: 'none' }
  | { kind: 'paused' }
  | { kind: 'running'; remainingMs: number }
  | { kind: 'overdue'; overdueMs: number };

/** Under this much time left the countdown turns amber: enough to pick the item up and answer. */
export const SLA_WARNING_MS = 5 * 60_000;

/** Where an item's first-response clock stands at `now` (epoch ms). */
export function slaState(item: Pick<TriageItemView, 'dueAt' | 'slaPaused' | 'status'>, now: number): SlaState {
  if (item.dueAt === null || item.status === 'resolved' || item.status === 'spam') return { kind: 'none' };
  if (item.slaPaused) return { kind: 'paused' };
  const remainingMs = Date.parse(item.dueAt) - now;
  return remainingMs > 0 ? { kind: 'running', remainingMs } : { kind: 'overdue', overdueMs: -remainingMs };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "04:59" or "1:02:03" while running (rounded up: it never shows 00:00 before it is due), "overdue 3m" after. */
export function formatSla(state: SlaState): string {
  switch (state.kind) {
    case 'none':
      return '—';
    case 'paused':
      return 'paused';
    case 'running': {
      const seconds = Math.ceil(state.remainingMs / 1000);
      const hours = Math.floor(seconds / 3600);
      const clock = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
      return hours > 0 ? `${hours}:${clock}` : clock;
    }
    case 'overdue': {
      const minutes = Math.floor(state.overdueMs / 60_000);
      if (minutes < 1) return `overdue ${Math.floor(state.overdueMs / 1000)}s`;
      if (minutes < 60) return `overdue ${minutes}m`;
      const hours = Math.floor(minutes / 60);
      if (hours < 24) return `overdue ${hours}h ${pad(minutes % 60)}m`;
      return `overdue ${Math.floor(hours / 24)}d ${hours % 24}h`;
    }
  }
}
