import type { CalendarEventKind, CalendarEventView } from '@watchfloor/contracts';

/** What the form holds: `<input type="datetime-local">` values are local wall-clock text. */
export interface CalendarDraft {
  title: string;
  kind: CalendarEventKind;
  starts: string;
  ends: string;
  notes: string;
}

export const EMPTY_DRAFT: CalendarDraft = { title: '', kind: 'launch', starts: '', ends: '', notes: '' };

/** `2025-11-03T14:05` in the browser's zone, as a datetime-local input shows it. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function draftOf(event: CalendarEventView): CalendarDraft {
  return {
    title: event.title,
    kind: event.kind,
    starts: toLocalInput(event.startsAt),
    ends: event.endsAt === null ? '' : toLocalInput(event.endsAt),
    notes: event.notes,
  };
}

/** The request body; the server validates it (and names each problem), this only converts. */
export function bodyOf(draft: CalendarDraft): Record<string, unknown> {
  const instant = (local: string) => {
    const time = new Date(local).getTime();
    return Number.isNaN(time) ? local : new Date(time).toISOString();
  };
  return {
    title: draft.title,
    kind: draft.kind,
    startsAt: instant(draft.starts),
    endsAt: draft.ends === '' ? null : instant(draft.ends),
    notes: draft.notes,
  };
}
