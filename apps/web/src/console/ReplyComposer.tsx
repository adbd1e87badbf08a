import type { RefObject } from 'react';
import { theme } from '../theme';
import { consoleStyles } from './console-styles';
import { hasPlaceholders, renderTemplate } from './template-preview';
import type { TemplateContext } from './template-preview';
import type { ResponseTemplate } from './triage-client';
import { withShortcut } from './shortcuts';
import { ConsoleButton } from './ConsoleButton';

/**
 * Writes the public reply. Templates go in with their {{placeholders}}, which the server fills
 * when it sends; the preview shows what the author will read.
 */
export function ReplyComposer({
  inputRef,
  text,
  templates,
  context,
  blockedBy,
  busy,
  sending,
  onChange,
  onTyping,
  onSend,
}: {
  inputRef: RefObject<HTMLTextAreaElement | null>;
  text: string;
  templates: readonly ResponseTemplate[];
  context: TemplateContext;
  /** Why replying is not possible now (someone else holds the item), or null. */
  blockedBy: string | null;
  busy: boolean;
  sending: boolean;
  onChange: (text: string) => void;
  onTyping: () => void;
  onSend: () => void;
}) {
  const blocked = blockedBy !== null;
  const insertTemplate = (templateId: string) => {
    const template = templates.find((candidate) => candidate.id === templateId);
    if (template === undefined) return;
    onChange(text.trim() === '' ? template.body : `${text.trimEnd()}\n\n${template.body}`);
    inputRef.current?.focus();
  };
  return (
    <section style={consoleStyles.section}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
        <h3 style={{ ...consoleStyles.sectionTitle, margin: 0 }}>Reply to the author</h3>
        {templates.length > 0 && (
          <select
            data-testid="template-picker"
            aria-label="Insert a response template"
            value=""
            disabled={blocked || sending}
            onChange={(event) => insertTemplate(event.target.value)}
            style={{ ...consoleStyles.field, marginLeft: 'auto' }}
          >
            <option value="">Insert template…</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <textarea
        ref={inputRef}
        data-testid="reply-input"
        title={withShortcut('Reply', 'reply')}
        placeholder={blocked ? `${blockedBy} is on this` : 'Write a public reply. Ctrl+Enter sends.'}
        rows={4}
        value={text}
        disabled={blocked || sending}
        maxLength={10_000}
        onChange={(event) => {
          onChange(event.target.value);
          onTyping();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSend();
        }}
        style={{ ...consoleStyles.field, width: '100%', boxSizing: 'border-box', resize: 'vertical' }}
      />
      {hasPlaceholders(text) && (
        <div
          data-testid="reply-preview"
          style={{
            whiteSpace: 'pre-wrap',
            fontSize: 13,
            padding: '6px 8px',
            margin: '4px 0',
            borderLeft: `2px solid ${theme.accent}`,
            background: theme.background,
          }}
        >
          <span style={{ ...consoleStyles.muted, display: 'block' }}>Preview</span>
          {renderTemplate(text, context)}
        </div>
      )}
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 4 }}>
        <ConsoleButton
          variant="primary"
          data-testid="send-reply"
          disabled={blocked || busy || text.trim() === ''}
          onClick={onSend}
        >
          {sending ? 'Sending…' : 'Send reply'}
        </ConsoleButton>
        <span style={consoleStyles.muted}>{text.length.toLocaleString()} characters</span>
      </div>
    </section>
  );
}
