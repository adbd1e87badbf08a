import { WALL_LAYOUT_LIMITS } from '@watchfloor/contracts';
import type { StoredWallLayout, WallLayoutInput, WallPanel, WallTheme } from '@watchfloor/contracts';

/** One scene as the editor holds it: the duration as typed, so the server can say what is wrong with it. */
export interface SceneForm {
  /** Stable across reordering, for React. */
  key: number;
  name: string;
  panels: WallPanel[];
  duration: string;
}

/** The layout being edited: `id` and `version` null for a new one. */
export interface LayoutFormState {
  id: string | null;
  version: number | null;
  name: string;
  theme: WallTheme;
  scenes: SceneForm[];
}

let lastSceneKey = 0;

export function newScene(number: number): SceneForm {
  return { key: ++lastSceneKey, name: `Scene ${number}`, panels: [], duration: '30' };
}

export function emptyLayoutForm(): LayoutFormState {
  return { id: null, version: null, name: '', theme: 'dark', scenes: [newScene(1)] };
}

export function formFromLayout(layout: StoredWallLayout): LayoutFormState {
  return {
    id: layout.id,
    version: layout.version,
    name: layout.name,
    theme: layout.theme,
    scenes: layout.scenes.map((scene) => ({
      key: ++lastSceneKey,
      name: scene.name,
      panels: [...scene.panels],
      duration: String(scene.durationSeconds),
    })),
  };
}

export function canAddScene(form: LayoutFormState): boolean {
  return form.scenes.length < WALL_LAYOUT_LIMITS.scenes;
}

export function addScene(form: LayoutFormState): LayoutFormState {
  return canAddScene(form) ? { ...form, scenes: [...form.scenes, newScene(form.scenes.length + 1)] } : form;
}

export function removeScene(form: LayoutFormState, index: number): LayoutFormState {
  return { ...form, scenes: form.scenes.filter((_, at) => at !== index) };
}

/** Moves a scene one place earlier (-1) or later (+1) in the rotation; at either end nothing moves. */
export function moveScene(form: LayoutFormState, index: number, by: -1 | 1): LayoutFormState {
  const target = index + by;
  if (index < 0 || target < 0 || target >= form.scenes.length) return form;
  const scenes = [...form.scenes];
  [scenes[index], scenes[target]] = [scenes[target]!, scenes[index]!];
  return { ...form, scenes };
}

export function changeScene(form: LayoutFormState, index: number, patch: Partial<SceneForm>): LayoutFormState {
  return { ...form, scenes: form.scenes.map((scene, at) => (at === index ? { ...scene, ...patch } : scene)) };
}

/** Panels keep the order they were picked in: that is their reading order on the wall. */
export function togglePanel(panels: readonly WallPanel[], panel: WallPanel, on: boolean): WallPanel[] {
  const without = panels.filter((picked) => picked !== panel);
  return on ? [...without, panel] : without;
}

/** What is sent; the server checks it (names, panel counts, durations) and says what is wrong. */
export function layoutInput(form: LayoutFormState): WallLayoutInput {
  return {
    name: form.name,
    theme: form.theme,
    scenes: form.scenes.map((scene) => ({
      name: scene.name,
      panels: scene.panels,
      durationSeconds: scene.duration.trim() === '' ? 0 : Number(scene.duration),
    })),
  };
}

/** The server names fields by path ("scenes.1.panels"); people count scenes from one. */
export function readableProblem(message: string): string {
  return message
    .replaceAll(/scenes\.(\d+)\.panels\.(\d+)/g, (_, scene: string, panel: string) => {
      return `scene ${Number(scene) + 1}, panel ${Number(panel) + 1}`;
    })
    .replaceAll(/scenes\.(\d+)\.durationSeconds/g, (_, scene: string) => `scene ${Number(scene) + 1}, duration`)
    .replaceAll(/scenes\.(\d+)\.(\w+)/g, (_, scene: string, field: string) => `scene ${Number(scene) + 1}, ${field}`);
}
