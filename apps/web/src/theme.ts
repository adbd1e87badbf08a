import type { TriagePriority } from '@watchfloor/contracts';
import type { SentimentLabel } from '@watchfloor/domain';

/**
 * The wall's design tokens. Sizes are in viewport units so text stays readable from across a
 * room on any screen, from a laptop to a 4K panel. Colours are chosen for contrast on dark.
 */
export const theme = {
  background: '#0b0f17',
  panel: '#131a26',
  panelBorder: '#223048',
  text: '#f2f5fa',
  mutedText: '#9aa8bd',
  accent: '#4cc2ff',
  font: "'Inter', 'Segoe UI', system-ui, -apple-system, sans-serif",
  type: {
    title: 'clamp(20px, 2.2vw, 64px)',
    figure: 'clamp(28px, 3.6vw, 110px)',
    body: 'clamp(14px, 1.25vw, 40px)',
    small: 'clamp(11px, 0.9vw, 28px)',
  },
  sentiment: {
    positive: '#35d07f',
    neutral: '#8f9bb3',
    negative: '#ff5c5c',
    unsupported: '#5d6b80',
  } satisfies Record<SentimentLabel, string>,
  /** Triage priorities, P1 the most urgent: hot to cool, distinct from the sentiment colours' meaning. */
  priority: {
    P1: '#ff3b5c',
    P2: '#ff9f43',
    P3: '#f7d046',
    P4: '#7f8ca3',
  } satisfies Record<TriagePriority, string>,
  /** An SLA close to running out (an overdue one uses the negative colour). */
  warning: '#ffb020',
} as const;
