import { useCallback, useEffect, useState } from 'react';
import type { CalendarEventView } from '@watchfloor/contracts';
import { apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { CalendarForm } from './CalendarForm';
import { CALENDAR_KIND_COLOURS, CALENDAR_KIND_LABELS } from './calendar-marks';
import { EMPTY_DRAFT, bodyOf, draftOf } from './calendar-form-model';
import type { CalendarDraft } from './calendar-form-model';

const DAY_MS = 86_400_000;
/** Recent enough to explain this month's charts, far enough ahead to plan. */
const WINDOW = { pastDays: 60, futureDays: 180 };

/** The marketing calendar: recent and upcoming events, and a form to add, change or remove them. */
export function CalendarTab() {
  const [events, setEvents] = useState<CalendarEventView[]>([]);
  const [draft, setDraft] = useState<CalendarDraft>(EMPTY_DRAFT);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    const now = Date.now();
    const query = new URLSearchParams({
      from: new Date(now - WINDOW.pastDays * DAY_MS).toISOString(),
      to: new Date(now + WINDOW.futureDays * DAY_MS).toISOString(),
    });
    apiFetch<CalendarEventView[]>(`/calendar?${query.toString()}`).then(setEvents, (caught: Error) =>
      setProblem(caught.message),
    );
  }, []);
  useEffect(reload, [reload]);

  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      setDraft(EMPTY_DRAFT);
      setEditingId(null);
      reload();
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const save = () =>
    act(() =>
      editingId === null
        ? apiFetch('/calendar', { method: 'POST', body: bodyOf(draft) })
        : apiFetch(`/calendar/${editingId}`, { method: 'PUT', body: bodyOf(draft) }),
    );
  const remove = (id: string) => act(() => apiFetch(`/calendar/${id}`, { method: 'DELETE' }));

  return (
    <section data-testid="calendar" style={{ display: 'grid', gap: 16 }}>
      <h2 style={{ margin: 0 }}>Marketing calendar</h2>
      <CalendarForm
        draft={draft}
        editing={editingId !== null}
        onChange={setDraft}
        onSave={() => void save()}
        onCancel={() => {
          setEditingId(null);
          setDraft(EMPTY_DRAFT);
        }}
      />
      <Problem message={problem} testId="calendar-error" />
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 6 }}>
        {events.length === 0 && <li style={{ color: theme.mutedText }}>No events in the last two months or ahead.</li>}
        {events.map((event) => (
          <li
            key={event.id}
            data-testid="calendar-event"
            data-event-id={event.id}
            style={{ borderLeft: `4px solid ${CALENDAR_KIND_COLOURS[event.kind]}`, paddingLeft: 8 }}
          >
            <strong>{event.title}</strong>{' '}
            <span style={{ color: theme.mutedText }}>
              {CALENDAR_KIND_LABELS[event.kind]} · {new Date(event.startsAt).toLocaleString()}
              {event.endsAt !== null && ` – ${new Date(event.endsAt).toLocaleString()}`}
            </span>{' '}
            <button
              type="button"
              onClick={() => {
                setEditingId(event.id);
                setDraft(draftOf(event));
              }}
            >
              Edit
            </button>{' '}
            <button type="button" onClick={() => void remove(event.id)}>
              Delete
            </button>
            {event.notes !== '' && <div style={{ color: theme.mutedText }}>{event.notes}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
