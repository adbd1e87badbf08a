import { z } from 'zod';

/** A version's id in a path: the positive integer the list shows. */
export const adaptationId = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'a version id is a positive integer')
  .transform(Number);
