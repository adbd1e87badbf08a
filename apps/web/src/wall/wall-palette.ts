import { createContext, useContext } from 'react';
import { theme } from '../theme';
import type { Palette } from '../theme';

/** The wall's palette (dark or high contrast); pages that share wall components get the dark one. */
export const WallPaletteContext = createContext<Palette>(theme);

export function useWallPalette(): Palette {
  return useContext(WallPaletteContext);
}
