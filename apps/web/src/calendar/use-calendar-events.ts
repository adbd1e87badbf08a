import { useEffect, useState } from 'react';
import type { CalendarEventView } from '@watchfloor/contracts';
import { apiFetch } from '../api/http';

const REFRESH_MS = 60_000;
/** A chart's window slides every second; refetching only when it moved this far keeps the API quiet. */
const MOVE_TOLERANCE_MS = 60_000;

/**
 * The calendar events overlapping a chart's window (epoch ms), refetched when the window moves by
 * more than a minute and every minute besides (someone may have added one). A wall screen passes
 * its kiosk token. Keeps the last good answer when a fetch fails.
 */
export function useCalendarEvents(range: { from: number; to: number }, token?: string): CalendarEventView[] {
  const [events, setEvents] = useState<CalendarEventView[]>([]);
  const [fetched, setFetched] = useState(range);
  if (Math.abs(range.from - fetched.from) > MOVE_TOLERANCE_MS || Math.abs(range.to - fetched.to) > MOVE_TOLERANCE_MS) {
    setFetched(range);
  }

  useEffect(() => {
    let live = true;
    const load = () => {
      const query = new URLSearchParams({
        from: new Date(fetched.from).toISOString(),
        to: new Date(fetched.to).toISOString(),
      });
      apiFetch<CalendarEventView[]>(`/calendar?${query.toString()}`, token === undefined ? {} : { token }).then(
        (loaded) => {
          if (live) setEvents(loaded);
        },
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [fetched.from, fetched.to, token]);

  return events;
}
