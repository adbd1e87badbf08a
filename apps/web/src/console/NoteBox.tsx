import { useState } from 'react';
import type { RefObject } from 'react';
import { consoleStyles } from './console-styles';
import { withShortcut } from './shortcuts';
import { ConsoleButton } from './ConsoleButton';

/** An internal note on the item: the team sees it in the timeline, the customer never does. */
export function NoteBox({
  inputRef,
  busy,
  onAdd,
}: {
  inputRef: RefObject<HTMLTextAreaElement | null>;
  busy: boolean;
  onAdd: (text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const submit = async () => {
    if (await onAdd(text)) setText('');
  };
  return (
    <section style={consoleStyles.section}>
      <h3 style={consoleStyles.sectionTitle}>Internal note</h3>
      <textarea
        ref={inputRef}
        data-testid="note-input"
        title={withShortcut('Internal note', 'note')}
        placeholder="Only the team sees notes. Ctrl+Enter adds."
        rows={2}
        value={text}
        maxLength={5_000}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
        }}
        style={{ ...consoleStyles.field, width: '100%', boxSizing: 'border-box', resize: 'vertical' }}
      />
      <ConsoleButton
        data-testid="add-note"
        disabled={busy || text.trim() === ''}
        onClick={() => void submit()}
        style={{ marginTop: 4 }}
      >
        Add note
      </ConsoleButton>
    </section>
  );
}
