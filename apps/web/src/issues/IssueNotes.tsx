import { useState } from 'react';
import type { IssueNoteView } from '@watchfloor/contracts';
import { ConsoleButton } from '../console/ConsoleButton';
import { consoleStyles } from '../console/console-styles';
import { issuesClient } from './issues-client';

const MAX_NOTE_LENGTH = 4_000;

/** The PR team's notes on the issue: decisions, statements, who was told. */
export function IssueNotes({
  issueId,
  notes,
  canAdd,
  onAdded,
  onProblem,
}: {
  issueId: string;
  notes: IssueNoteView[];
  canAdd: boolean;
  onAdded: (note: IssueNoteView) => void;
  onProblem: (message: string) => void;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      onAdded(await issuesClient.addNote(issueId, text));
      setText('');
    } catch (error) {
      onProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section style={consoleStyles.section}>
      <h3 style={consoleStyles.sectionTitle}>Notes</h3>
      {notes.length === 0 && <p style={consoleStyles.muted}>No notes yet.</p>}
      <ul style={{ margin: '0 0 8px', paddingLeft: 0, listStyle: 'none', fontSize: 13 }}>
        {notes.map((note) => (
          <li key={note.id} data-testid="issue-note" style={{ marginBottom: 6, whiteSpace: 'pre-wrap' }}>
            <span style={consoleStyles.muted}>
              {note.author.name} · {new Date(note.createdAt).toLocaleString()}
            </span>
            <div>{note.text}</div>
          </li>
        ))}
      </ul>
      {canAdd && (
        <>
          <textarea
            data-testid="issue-note-input"
            placeholder="A decision, a statement, who was told. Ctrl+Enter adds."
            rows={2}
            value={text}
            maxLength={MAX_NOTE_LENGTH}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && text.trim() !== '') void submit();
            }}
            style={{ ...consoleStyles.field, width: '100%', boxSizing: 'border-box', resize: 'vertical' }}
          />
          <ConsoleButton
            data-testid="issue-note-add"
            disabled={busy || text.trim() === ''}
            onClick={() => void submit()}
            style={{ marginTop: 4 }}
          >
            Add note
          </ConsoleButton>
        </>
      )}
    </section>
  );
}
