/** The marketing calendar: what the brand did, drawn on every time chart so a spike reads against it. */

/** Stored as text: never rename a value. */
export const CALENDAR_EVENT_KINDS = ['launch', 'press_release', 'webinar', 'ad_flight', 'other'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

export interface CalendarEventView {
  id: string;
  title: string;
  kind: CalendarEventKind;
  /** UTC ISO 8601. A point event (a press release) has no end; a flight or webinar has one. */
  startsAt: string;
  endsAt: string | null;
  notes: string;
  createdBy: { id: string; name: string } | null;
  updatedAt: string;
}
