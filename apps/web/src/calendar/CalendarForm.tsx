import type { FormEvent } from 'react';
import { CALENDAR_EVENT_KINDS } from '@watchfloor/contracts';
import type { CalendarEventKind } from '@watchfloor/contracts';
import { CALENDAR_KIND_LABELS } from './calendar-marks';
import type { CalendarDraft } from './calendar-form-model';

/** Add or change one event. */
export function CalendarForm(props: {
  draft: CalendarDraft;
  editing: boolean;
  onChange: (draft: CalendarDraft) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { draft, onChange } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave();
  };
  return (
    <form data-testid="calendar-form" onSubmit={submit} style={{ display: 'grid', gap: 8, maxWidth: 640 }}>
      <label>
        Title{' '}
        <input
          data-testid="calendar-title"
          value={draft.title}
          maxLength={200}
          onChange={(event) => onChange({ ...draft, title: event.target.value })}
        />
      </label>
      <label>
        Kind{' '}
        <select
          data-testid="calendar-kind"
          value={draft.kind}
          onChange={(event) => onChange({ ...draft, kind: event.target.value as CalendarEventKind })}
        >
          {CALENDAR_EVENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CALENDAR_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Starts{' '}
        <input
          data-testid="calendar-starts"
          type="datetime-local"
          value={draft.starts}
          onChange={(event) => onChange({ ...draft, starts: event.target.value })}
        />
      </label>
      <label>
        Ends (empty for a moment in time){' '}
        <input
          data-testid="calendar-ends"
          type="datetime-local"
          value={draft.ends}
          onChange={(event) => onChange({ ...draft, ends: event.target.value })}
        />
      </label>
      <label>
        Notes{' '}
        <textarea
          value={draft.notes}
          maxLength={2000}
          onChange={(event) => onChange({ ...draft, notes: event.target.value })}
        />
      </label>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="submit" data-testid="calendar-save">
          {props.editing ? 'Save changes' : 'Add event'}
        </button>
        {props.editing && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
