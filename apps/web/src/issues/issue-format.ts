import type { IssueCaseStatus } from '@watchfloor/contracts';

export const STATUS_LABELS: Record<IssueCaseStatus, string> = {
  new: 'New',
  investigating: 'Investigating',
  responding: 'Responding',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** 0.4167 → "42%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Large figures stay short in a list: 1234 → "1.2k", 2500000 → "2.5M". */
export function compactNumber(value: number): string {
  if (Math.abs(value) >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`;
  if (Math.abs(value) >= 1_000) return `${(value / 1_000).toFixed(1)}k`;
  return String(Math.round(value));
}

/** An issue's name: its title's phrases and terms, the one that names it best first. */
export function issueTitle(terms: readonly string[]): string {
  return terms.length === 0 ? '(untitled issue)' : terms.slice(0, 5).join(' · ');
}

/** A time on the chart's axis: the clock within a day, the date beyond. */
export function axisTime(at: number, spanMs: number): string {
  const date = new Date(at);
  return spanMs > 24 * 3_600_000
    ? date.toLocaleDateString([], { month: 'short', day: 'numeric' })
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
