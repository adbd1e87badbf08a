/** Figures as a reader of the report sees them: one place, so the CSV-free renderings agree. */
export const formatCount = (value: number) => value.toLocaleString('en-US');
export const formatShare = (value: number) => `${(value * 100).toFixed(1)}%`;
export const formatSentiment = (value: number | null) =>
  value === null ? '-' : `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
export const formatMinutes = (value: number | null) => {
  if (value === null) return '-';
  return value < 90 ? `${value.toFixed(1)} min` : `${(value / 60).toFixed(1)} h`;
};
/** `2025-11-03 14:00 UTC`. */
export const formatInstant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
