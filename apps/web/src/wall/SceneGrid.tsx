import type { WallScene } from '@watchfloor/contracts';
import { panelGrid } from './panel-grid';
import type { PanelInputs } from './panels/panel-inputs';
import { WallPanelView } from './panels/WallPanelView';

/** A scene's panels in reading order, sharing the screen below the header with no scrolling. */
export function SceneGrid({ scene, inputs }: { scene: WallScene; inputs: PanelInputs }) {
  const grid = panelGrid(scene.panels.length);
  return (
    <div
      data-testid="scene-grid"
      data-panels={scene.panels.length}
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
        gap: '1.2vh 1vw',
        minHeight: 0,
      }}
    >
      {scene.panels.map((panel, index) => (
        <div
          // A panel may appear twice in a scene; its place makes it unique.
          key={`${index}-${panel}`}
          style={{
            display: 'grid',
            minHeight: 0,
            minWidth: 0,
            gridRow: index === 0 && grid.firstPanelRows > 1 ? `span ${grid.firstPanelRows}` : undefined,
          }}
        >
          <WallPanelView panel={panel} inputs={inputs} />
        </div>
      ))}
    </div>
  );
}
