import type { StoredWallLayout } from '@watchfloor/contracts';
import { Cell } from '../admin/AdminTable';
import { theme } from '../theme';
import { PANEL_LABELS, THEME_LABELS } from './panel-labels';

/** One stored layout in the list, with what can be done to it. */
export function LayoutRow({
  layout,
  onEdit,
  onMakeDefault,
  onDelete,
}: {
  layout: StoredWallLayout;
  onEdit: () => void;
  onMakeDefault: () => void;
  onDelete: () => void;
}) {
  return (
    <tr data-testid="layout-row" data-layout-id={layout.id}>
      <Cell>
        {layout.name}{' '}
        {layout.isDefault && (
          <small data-testid="layout-default" style={{ color: theme.accent }}>
            default
          </small>
        )}
      </Cell>
      <Cell>{THEME_LABELS[layout.theme]}</Cell>
      <Cell>
        <ol style={{ margin: 0, paddingLeft: 18 }}>
          {layout.scenes.map((scene, index) => (
            <li key={index}>
              {scene.name} ({scene.durationSeconds} s):{' '}
              <span style={{ color: theme.mutedText }}>
                {scene.panels.map((panel) => PANEL_LABELS[panel]).join(', ')}
              </span>
            </li>
          ))}
        </ol>
      </Cell>
      <Cell>
        {new Date(layout.updatedAt).toLocaleString()}
        <br />
        <small style={{ color: theme.mutedText }}>{layout.updatedBy}</small>
      </Cell>
      <Cell>
        <span style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <button type="button" data-testid="layout-edit" onClick={onEdit}>
            Edit
          </button>
          {!layout.isDefault && (
            <button type="button" data-testid="layout-make-default" onClick={onMakeDefault}>
              Make default
            </button>
          )}
          <a
            data-testid="layout-preview"
            href={`/wall?layout=${encodeURIComponent(layout.id)}`}
            target="_blank"
            rel="noreferrer"
            style={{ color: theme.accent, alignSelf: 'center' }}
          >
            Preview
          </a>
          <button type="button" data-testid="layout-delete" onClick={onDelete}>
            Delete
          </button>
        </span>
      </Cell>
    </tr>
  );
}
