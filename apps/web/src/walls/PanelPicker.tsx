import { WALL_LAYOUT_LIMITS, WALL_PANELS } from '@watchfloor/contracts';
import type { WallPanel } from '@watchfloor/contracts';
import { theme } from '../theme';
import { togglePanel } from './layout-form-model';
import { PANEL_LABELS } from './panel-labels';

/** Pick a scene's panels; the number beside a picked one is its place in the reading order. */
export function PanelPicker({ panels, onChange }: { panels: WallPanel[]; onChange: (panels: WallPanel[]) => void }) {
  return (
    <fieldset style={{ border: `1px solid ${theme.panelBorder}`, borderRadius: 6, margin: 0 }}>
      <legend>
        Panels{' '}
        <small style={{ color: theme.mutedText }}>
          (1 to {WALL_LAYOUT_LIMITS.panelsPerScene}, shown in the order picked)
        </small>
      </legend>
      <span style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {WALL_PANELS.map((panel) => {
          const place = panels.indexOf(panel);
          return (
            <label key={panel} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
              <input
                type="checkbox"
                data-testid={`scene-panel-${panel}`}
                checked={place !== -1}
                onChange={(event) => onChange(togglePanel(panels, panel, event.target.checked))}
              />
              {PANEL_LABELS[panel]}
              {place !== -1 && <small style={{ color: theme.accent }}>#{place + 1}</small>}
            </label>
          );
        })}
      </span>
    </fieldset>
  );
}
