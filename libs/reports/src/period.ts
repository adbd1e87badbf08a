import type { ReportBucket } from '@watchfloor/contracts';

/** The longest period a report covers: a year and a bit, so year-on-year fits and a query stays bounded. */
export const MAX_REPORT_DAYS = 400;
const DAY_MS = 86_400_000;

/** Hourly buckets up to two days (at most 48 bars), daily beyond (at most 400). */
export function reportBucketFor(from: Date, to: Date): ReportBucket {
  return to.getTime() - from.getTime() <= 2 * DAY_MS ? 'hour' : 'day';
}

/** `watchfloor-report-2025-11-01T0000Z-2025-11-08T0000Z.pdf`: sortable, and safe in every file system. */
export function reportFileName(from: Date, to: Date, extension: 'csv' | 'pdf'): string {
  const stamp = (date: Date) => date.toISOString().slice(0, 16).replace(/:/g, '').concat('Z');
  return `watchfloor-report-${stamp(from)}-${stamp(to)}.${extension}`;
}
