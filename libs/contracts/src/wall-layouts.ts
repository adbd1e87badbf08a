import type { WallLayoutView, WallScene, WallTheme } from './wall';

/** The bounds of a stored layout: the API refuses anything outside them, the editor shows them. */
export const WALL_LAYOUT_LIMITS = {
  nameLength: 80,
  scenes: 12,
  sceneNameLength: 60,
  panelsPerScene: 6,
  // Under 10 s a scene is gone before anyone across the room has read it.
  minDurationSeconds: 10,
  maxDurationSeconds: 3_600,
} as const;

/** `POST /api/wall/layouts`. `isDefault: true` makes it the layout of screens that were given none. */
export interface WallLayoutInput {
  name: string;
  theme: WallTheme;
  scenes: WallScene[];
  isDefault?: boolean;
}

/** `PUT /api/wall/layouts/:id`: the whole layout, and the version it was read at (409 if it moved on). */
export interface WallLayoutUpdate extends WallLayoutInput {
  version: number;
}

/** A stored layout, as the admin pages see it. */
export interface StoredWallLayout extends WallLayoutView {
  /** Goes up by one with every change of name, theme, scenes or default flag made through an update. */
  version: number;
  /** Who changed it last (their e-mail, or the command line). */
  updatedBy: string;
}

/** Why a screen shows the layout it shows. */
export type WallLayoutSource = 'requested' | 'screen' | 'default' | 'built-in';

/** `GET /api/wall/layout[?layout=<id>]`: the layout the caller should show. */
export interface ResolvedWallLayout extends WallLayoutView {
  source: WallLayoutSource;
}

/** `PUT /api/kiosks/:id/layout`: null gives the screen back to the default layout. */
export interface KioskLayoutAssignment {
  layoutId: string | null;
}
