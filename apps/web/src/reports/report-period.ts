export type PeriodChoice = '24h' | '7d' | '30d' | 'custom';

export const PERIOD_CHOICES: { value: PeriodChoice; label: string }[] = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: 'custom', label: 'Custom' },
];

const HOUR_MS = 3_600_000;
const SPANS: Record<Exclude<PeriodChoice, 'custom'>, number> = {
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
};

/**
 * The period as the API's query string. A preset ends at the next whole hour so that reloading
 * within the hour asks for the same period; a custom one takes the datetime-local inputs as typed.
 */
export function periodQueryOf(choice: PeriodChoice, custom: { from: string; to: string }, now: number): string | null {
  if (choice === 'custom') {
    const from = Date.parse(custom.from);
    const to = Date.parse(custom.to);
    if (Number.isNaN(from) || Number.isNaN(to)) return null;
    return new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }).toString();
  }
  const to = Math.ceil(now / HOUR_MS) * HOUR_MS;
  return new URLSearchParams({
    from: new Date(to - SPANS[choice]).toISOString(),
    to: new Date(to).toISOString(),
  }).toString();
}
