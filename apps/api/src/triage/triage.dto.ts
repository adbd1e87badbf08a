import { z } from 'zod';
import { TRIAGE_STATUSES } from '@watchfloor/contracts';

export const itemId = z.string().regex(/^[1-9][0-9]{0,17}$/, 'an item id is a positive integer');
const uuid = z.string().uuid();

export const inboxQuery = z
  .object({
    teamId: uuid.optional(),
    status: z.enum(['open', ...TRIAGE_STATUSES]).optional(),
    priority: z.enum(['P1', 'P2', 'P3', 'P4']).optional(),
    assignee: z.union([z.enum(['me', 'unassigned']), uuid]).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const assignBody = z.object({ userId: uuid }).strict();

export const transitionBody = z
  .object({ action: z.enum(['wait', 'customerReplied', 'resolve', 'reopen', 'markSpam']) })
  .strict();

export const noteBody = z.object({ text: z.string().trim().min(1, 'a note may not be empty').max(5_000) }).strict();

export const tagsBody = z
  .object({
    tags: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(
            /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u,
            'a tag is 1–40 letters, digits, spaces, dashes or underscores',
          ),
      )
      .max(20, 'at most 20 tags'),
  })
  .strict();

export const correctionBody = z
  .object({
    sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
    notRelevant: z.boolean().optional(),
  })
  .strict()
  .refine((body) => body.sentiment !== undefined || body.notRelevant !== undefined, {
    message: 'say the right sentiment, or whether it is relevant',
  });

export const replyBody = z.object({ text: z.string().trim().min(1, 'a reply may not be empty').max(10_000) }).strict();

export const idempotencyKey = z
  .string({ message: 'an Idempotency-Key header is required: one key per reply, reused when retrying it' })
  .regex(/^[A-Za-z0-9_.:-]{8,200}$/, 'an Idempotency-Key is 8–200 letters, digits or _.:-');

export const bulkBody = z
  .object({
    ids: z.array(itemId).min(1).max(500),
    action: z.enum(['resolve', 'markSpam']),
  })
  .strict();

export const statsQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }).strict();
