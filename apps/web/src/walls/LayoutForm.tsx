import { useState } from 'react';
import type { FormEvent } from 'react';
import { WALL_LAYOUT_LIMITS, WALL_THEMES } from '@watchfloor/contracts';
import type { WallTheme } from '@watchfloor/contracts';
import { Problem } from '../layout/Problem';
import { Field, inputStyle } from '../rules/Field';
import { theme } from '../theme';
import { addScene, canAddScene, changeScene, moveScene, readableProblem, removeScene } from './layout-form-model';
import type { LayoutFormState } from './layout-form-model';
import { THEME_LABELS } from './panel-labels';
import { SceneEditor } from './SceneEditor';

/** Creates or edits one layout; the server validates it and its problems are shown here. */
export function LayoutForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: LayoutFormState;
  /** Rejects with the server's message when the layout is refused. */
  onSave: (form: LayoutFormState) => Promise<void>;
  onCancel: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaving(true);
    try {
      await onSave(form);
    } catch (caught) {
      setProblem(readableProblem((caught as Error).message));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      data-testid="layout-form"
      // The server's checks speak for every field; the browser's would block saving without a word.
      noValidate
      onSubmit={(event) => void save(event)}
      style={{
        display: 'grid',
        gap: 12,
        padding: 16,
        marginBottom: 16,
        border: `1px solid ${theme.panelBorder}`,
        borderRadius: 8,
        background: theme.panel,
      }}
    >
      <h2 style={{ margin: 0 }}>{form.id === null ? 'New layout' : `Edit “${initial.name}”`}</h2>
      <div style={{ display: 'flex', gap: 12 }}>
        <Field label="Name">
          <input
            data-testid="layout-name"
            maxLength={WALL_LAYOUT_LIMITS.nameLength}
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
            style={{ ...inputStyle, width: 320 }}
          />
        </Field>
        <Field label="Theme">
          <select
            data-testid="layout-theme"
            value={form.theme}
            onChange={(event) => setForm({ ...form, theme: event.target.value as WallTheme })}
            style={inputStyle}
          >
            {WALL_THEMES.map((value) => (
              <option key={value} value={value}>
                {THEME_LABELS[value]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <h3 style={{ margin: 0 }}>Scenes, in the order the screen rotates through them</h3>
      {form.scenes.map((scene, index) => (
        <SceneEditor
          key={scene.key}
          scene={scene}
          number={index + 1}
          isFirst={index === 0}
          isLast={index === form.scenes.length - 1}
          onChange={(patch) => setForm(changeScene(form, index, patch))}
          onMove={(by) => setForm(moveScene(form, index, by))}
          onRemove={form.scenes.length > 1 ? () => setForm(removeScene(form, index)) : null}
        />
      ))}
      <div>
        <button
          type="button"
          data-testid="add-scene"
          disabled={!canAddScene(form)}
          onClick={() => setForm(addScene(form))}
        >
          Add a scene
        </button>
      </div>
      <Problem message={problem} testId="layout-error" />
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="submit" data-testid="layout-save" disabled={saving}>
          {saving ? 'Saving…' : 'Save layout'}
        </button>
        <button type="button" data-testid="layout-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
