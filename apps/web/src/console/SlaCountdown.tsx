import type { TriageItemView } from '@watchfloor/contracts';
import { theme } from '../theme';
import { formatSla, SLA_WARNING_MS, slaState } from './sla-countdown';
import type { SlaState } from './sla-countdown';
import { useNow } from '../use-now';

function colourOf(state: SlaState): string {
  switch (state.kind) {
    case 'overdue':
      return theme.sentiment.negative;
    case 'running':
      return state.remainingMs <= SLA_WARNING_MS ? theme.warning : theme.text;
    case 'paused':
    case 'none':
      return theme.mutedText;
  }
}

/** The first-response clock, ticking every second. */
export function SlaCountdown({ item }: { item: Pick<TriageItemView, 'dueAt' | 'slaPaused' | 'status'> }) {
  const state = slaState(item, useNow());
  return (
    <span
      data-testid="sla"
      data-state={state.kind}
      title={
        item.dueAt === null ? 'no response time set' : `first response due ${new Date(item.dueAt).toLocaleString()}`
      }
      style={{
        fontVariantNumeric: 'tabular-nums',
        fontSize: 12,
        fontWeight: state.kind === 'overdue' ? 700 : 500,
        color: colourOf(state),
        whiteSpace: 'nowrap',
      }}
    >
      {formatSla(state)}
    </span>
  );
}
