import { useEffect, useState } from 'react';
import type { TriageStats } from '@watchfloor/contracts';
import type { TriageClient } from './triage-client';

/** A minute: medians and accuracy move slowly, and each read costs the database a scan. */
export const STATS_REFRESH_MS = 60_000;

/** The stats strip's figures, read now and every minute; a role that may not read them sees dashes. */
export function useTriageStats(client: TriageClient): TriageStats | null {
  const [stats, setStats] = useState<TriageStats | null>(null);
  useEffect(() => {
    let cancelled = false;
    const read = () =>
      client.stats().then(
        (answer) => !cancelled && setStats(answer),
        // The strip shows dashes; the inbox works without it.
        () => undefined,
      );
    void read();
    const timer = setInterval(() => void read(), STATS_REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [client]);
  return stats;
}
