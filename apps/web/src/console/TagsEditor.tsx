import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { theme } from '../theme';
import { consoleStyles } from './console-styles';

const chip = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 4,
  padding: '1px 8px',
  borderRadius: 10,
  background: theme.panelBorder,
  fontSize: 12,
} as const;

/** The item's tags: Enter or a comma adds one, × removes it. Read-only for those who do not work items. */
export function TagsEditor({
  tags,
  editable,
  busy,
  onChange,
}: {
  tags: readonly string[];
  editable: boolean;
  busy: boolean;
  onChange: (tags: string[]) => void;
}) {
  const [text, setText] = useState('');
  const add = () => {
    const fresh = text
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '' && !tags.includes(tag));
    setText('');
    if (fresh.length > 0) onChange([...tags, ...new Set(fresh)]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };
  return (
    <div data-testid="tags" style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
      <span style={consoleStyles.muted}>Tags:</span>
      {tags.length === 0 && !editable && <span style={consoleStyles.muted}>none</span>}
      {tags.map((tag) => (
        <span key={tag} data-testid="tag" style={chip}>
          {tag}
          {editable && (
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              disabled={busy}
              onClick={() => onChange(tags.filter((other) => other !== tag))}
              style={{ background: 'none', border: 'none', color: theme.mutedText, cursor: 'pointer', padding: 0 }}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {editable && (
        <input
          data-testid="tag-input"
          aria-label="Add a tag"
          placeholder="add tag…"
          value={text}
          disabled={busy}
          maxLength={50}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() !== '' && add()}
          style={{ ...consoleStyles.field, width: 110 }}
        />
      )}
    </div>
  );
}
