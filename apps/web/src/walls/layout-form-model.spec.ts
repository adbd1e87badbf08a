import type { StoredWallLayout } from '@watchfloor/contracts';
import {
  addScene,
  changeScene,
  emptyLayoutForm,
  formFromLayout,
  layoutInput,
  moveScene,
  readableProblem,
  removeScene,
  togglePanel,
} from './layout-form-model';

function aStoredLayout(overrides: Partial<StoredWallLayout> = {}): StoredWallLayout {
  return {
    id: 'layout-1',
    name: 'Lobby',
    theme: 'high-contrast',
    isDefault: false,
    updatedAt: '2025-11-01T10:00:00.000Z',
    updatedBy: 'ada@example.com',
    version: 4,
    scenes: [
      { name: 'Live', panels: ['stream', 'volume'], durationSeconds: 60 },
      { name: 'Ops', panels: ['sla'], durationSeconds: 20 },
    ],
    ...overrides,
  };
}

const sceneNames = (form: ReturnType<typeof emptyLayoutForm>) => form.scenes.map((scene) => scene.name);

describe('wall layout form model', () => {
  it('round-trips a stored layout into the form and back into what is sent', () => {
    const form = formFromLayout(aStoredLayout());
    expect(form).toMatchObject({ id: 'layout-1', version: 4 });
    expect(layoutInput(form)).toEqual({
      name: 'Lobby',
      theme: 'high-contrast',
      scenes: [
        { name: 'Live', panels: ['stream', 'volume'], durationSeconds: 60 },
        { name: 'Ops', panels: ['sla'], durationSeconds: 20 },
      ],
    });
  });

  it('adds numbered scenes, up to twelve', () => {
    let form = emptyLayoutForm();
    for (let i = 0; i < 20; i++) form = addScene(form);
    expect(form.scenes).toHaveLength(12);
    expect(sceneNames(form).slice(0, 3)).toEqual(['Scene 1', 'Scene 2', 'Scene 3']);
    expect(new Set(form.scenes.map((scene) => scene.key)).size).toBe(12);
  });

  it('moves scenes within the rotation and removes them', () => {
    const form = formFromLayout(aStoredLayout());
    expect(sceneNames(moveScene(form, 1, -1))).toEqual(['Ops', 'Live']);
    expect(sceneNames(moveScene(form, 0, 1))).toEqual(['Ops', 'Live']);
    expect(sceneNames(moveScene(form, 0, -1))).toEqual(['Live', 'Ops']);
    expect(sceneNames(moveScene(form, 1, 1))).toEqual(['Live', 'Ops']);
    expect(sceneNames(removeScene(form, 0))).toEqual(['Ops']);
  });

  it('keeps panels in the order they were picked, each once', () => {
    let panels = togglePanel([], 'map', true);
    panels = togglePanel(panels, 'stream', true);
    panels = togglePanel(panels, 'map', true);
    expect(panels).toEqual(['stream', 'map']);
    expect(togglePanel(panels, 'stream', false)).toEqual(['map']);
  });

  it('sends the duration as typed, so the server can refuse it; blank is zero', () => {
    const form = changeScene(formFromLayout(aStoredLayout()), 0, { duration: '' });
    expect(layoutInput(changeScene(form, 1, { duration: '12.5' })).scenes.map((s) => s.durationSeconds)).toEqual([
      0, 12.5,
    ]);
  });

  it('names scenes and panels from one in server problems', () => {
    expect(
      readableProblem(
        'Invalid request: scenes.1.panels: a scene shows at least one panel; scenes.0.durationSeconds: too short; scenes.2.panels.0: unknown; name: a layout needs a name',
      ),
    ).toBe(
      'Invalid request: scene 2, panels: a scene shows at least one panel; scene 1, duration: too short; scene 3, panel 1: unknown; name: a layout needs a name',
    );
  });
});
