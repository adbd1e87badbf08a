import { z } from 'zod';
import { WALL_LAYOUT_LIMITS, WALL_PANELS, WALL_THEMES } from '@watchfloor/contracts';
import type { WallPanel } from '@watchfloor/contracts';

const limits = WALL_LAYOUT_LIMITS;

const panels = z
  .array(z.enum(WALL_PANELS, { message: `a panel is one of ${WALL_PANELS.join(', ')}` }))
  .min(1, 'a scene shows at least one panel')
  .max(limits.panelsPerScene, `a scene shows at most ${limits.panelsPerScene} panels`)
  .refine((list: WallPanel[]) => new Set(list).size === list.length, {
    message: 'a panel appears at most once in a scene',
  });

export const wallSceneSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'a scene needs a name')
      .max(limits.sceneNameLength, `a scene name is at most ${limits.sceneNameLength} characters`),
    /** In reading order. */
    panels,
    durationSeconds: z
      .number()
      .int('a duration is a whole number of seconds')
      .min(limits.minDurationSeconds, `a scene shows for at least ${limits.minDurationSeconds} seconds`)
      .max(limits.maxDurationSeconds, `a scene shows for at most ${limits.maxDurationSeconds} seconds`),
  })
  .strict();

/** A wall layout as an admin stores it: a theme and the scenes a screen rotates through. */
export const wallLayoutSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'a layout needs a name')
      .max(limits.nameLength, `a layout name is at most ${limits.nameLength} characters`),
    theme: z.enum(WALL_THEMES, { message: `a theme is one of ${WALL_THEMES.join(', ')}` }),
    scenes: z
      .array(wallSceneSchema)
      .min(1, 'a layout has at least one scene')
      .max(limits.scenes, `a layout has at most ${limits.scenes} scenes`),
    isDefault: z.boolean().optional(),
  })
  .strict();

export const wallLayoutUpdateSchema = wallLayoutSchema
  .extend({ version: z.number().int().min(1, 'send the version the layout was read at') })
  .strict();

export const kioskLayoutSchema = z.object({ layoutId: z.uuid('a layout id is a UUID').nullable() }).strict();

export const layoutQuerySchema = z.object({ layout: z.string().trim().min(1).max(100).optional() }).strict();
