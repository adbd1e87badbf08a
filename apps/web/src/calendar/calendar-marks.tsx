import type { ReactElement } from 'react';
import { ReferenceArea, ReferenceLine } from 'recharts';
import type { CalendarEventKind, CalendarEventView } from '@watchfloor/contracts';

/** One colour per kind, apart from the sentiment and priority colours so a mark never reads as a mood. */
export const CALENDAR_KIND_COLOURS: Record<CalendarEventKind, string> = {
  launch: '#b184ff',
  press_release: '#4cc2ff',
  webinar: '#ffb020',
  ad_flight: '#ff7eb6',
  other: '#9aa8bd',
};

export const CALENDAR_KIND_LABELS: Record<CalendarEventKind, string> = {
  launch: 'Launch',
  press_release: 'Press release',
  webinar: 'Webinar',
  ad_flight: 'Ad flight',
  other: 'Other',
};

/**
 * Calendar events as chart children, for a chart whose x axis is numeric epoch milliseconds
 * (`<XAxis type="number" dataKey=... domain={[from, to]} />`): a span for an event with an end,
 * a line for a point event, each labelled with its title. Put them after the series so they
 * draw on top.
 */
export function calendarMarks(events: readonly CalendarEventView[]): ReactElement[] {
  return events.map((event) => {
    const colour = CALENDAR_KIND_COLOURS[event.kind];
    const start = Date.parse(event.startsAt);
    const label = { value: event.title, position: 'insideTopLeft' as const, fill: colour, fontSize: 12 };
    if (event.endsAt === null) {
      return (
        <ReferenceLine
          key={event.id}
          className="calendar-mark"
          x={start}
          stroke={colour}
          strokeDasharray="4 3"
          ifOverflow="hidden"
          label={label}
        />
      );
    }
    return (
      <ReferenceArea
        key={event.id}
        className="calendar-mark"
        x1={start}
        x2={Date.parse(event.endsAt)}
        fill={colour}
        fillOpacity={0.12}
        stroke={colour}
        strokeOpacity={0.4}
        ifOverflow="hidden"
        label={label}
      />
    );
  });
}
