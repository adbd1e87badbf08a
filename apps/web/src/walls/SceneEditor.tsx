import { WALL_LAYOUT_LIMITS } from '@watchfloor/contracts';
import { Field, inputStyle } from '../rules/Field';
import { theme } from '../theme';
import type { SceneForm } from './layout-form-model';
import { PanelPicker } from './PanelPicker';

/** One scene of the rotation: its name, panels and how long it stays up; moved and removed from here. */
export function SceneEditor({
  scene,
  number,
  isFirst,
  isLast,
  onChange,
  onMove,
  onRemove,
}: {
  scene: SceneForm;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  onChange: (patch: Partial<SceneForm>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: (() => void) | null;
}) {
  return (
    <section
      data-testid="scene-editor"
      style={{ display: 'grid', gap: 8, padding: 12, border: `1px solid ${theme.panelBorder}`, borderRadius: 6 }}
    >
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-end' }}>
        <strong style={{ alignSelf: 'center' }}>{number}.</strong>
        <Field label="Scene name">
          <input
            data-testid="scene-name"
            maxLength={WALL_LAYOUT_LIMITS.sceneNameLength}
            value={scene.name}
            onChange={(event) => onChange({ name: event.target.value })}
            style={inputStyle}
          />
        </Field>
        <Field
          label="Seconds on screen"
          hint={`${WALL_LAYOUT_LIMITS.minDurationSeconds}–${WALL_LAYOUT_LIMITS.maxDurationSeconds}`}
        >
          <input
            data-testid="scene-duration"
            type="number"
            min={WALL_LAYOUT_LIMITS.minDurationSeconds}
            max={WALL_LAYOUT_LIMITS.maxDurationSeconds}
            step={1}
            value={scene.duration}
            onChange={(event) => onChange({ duration: event.target.value })}
            style={{ ...inputStyle, minWidth: 0, width: 90 }}
          />
        </Field>
        <span style={{ display: 'flex', gap: 4, marginLeft: 'auto' }}>
          <button type="button" data-testid="scene-up" disabled={isFirst} onClick={() => onMove(-1)}>
            ↑ Earlier
          </button>
          <button type="button" data-testid="scene-down" disabled={isLast} onClick={() => onMove(1)}>
            ↓ Later
          </button>
          <button type="button" data-testid="scene-remove" disabled={onRemove === null} onClick={onRemove ?? undefined}>
            Remove
          </button>
        </span>
      </div>
      <PanelPicker panels={scene.panels} onChange={(panels) => onChange({ panels })} />
    </section>
  );
}
