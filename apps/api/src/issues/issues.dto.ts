import { z } from 'zod';
import { ISSUE_CASE_STATUSES } from '@watchfloor/contracts';

export const issueId = z.string().min(1).max(200);

export const issuesQuery = z
  .object({
    status: z.enum(['emerging', 'closed']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export const caseBody = z
  .object({
    ownerId: z.string().uuid('an owner is a user id').nullable().optional(),
    status: z.enum(ISSUE_CASE_STATUSES).optional(),
    priority: z.enum(['P1', 'P2', 'P3', 'P4']).nullable().optional(),
    /** The case's version the change was made against: someone else's change since is a 409. */
    expectedVersion: z.number().int().min(0),
  })
  .strict()
  .refine((body) => body.ownerId !== undefined || body.status !== undefined || body.priority !== undefined, {
    message: 'say what to change: ownerId, status or priority',
  });

export const noteBody = z
  .object({
    text: z.string().trim().min(1, 'a note may not be empty').max(4_000, 'a note is at most 4,000 characters'),
  })
  .strict();

export const timelineQuery = z
  .object({
    /** Minutes per point: a minute to a day. */
    bucket: z.coerce.number().int().min(1).max(1_440).default(5),
  })
  .strict();
