import { z } from 'zod';
import { PLATFORMS } from '@watchfloor/domain';

/** Stored as text: never rename a value. P1 is the most urgent. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Customer-care and risk cues a rule can ask for. Each is a family of phrasings found in the text
 * (`refund`: "refund", "money back", "chargeback"...), detected once per mention for all rules.
 * Stored in rules: never rename a value.
 */
export const CUES = ['complaint', 'refund', 'cancel', 'lawsuit', 'injury', 'safety', 'data-breach'] as const;
export type Cue = (typeof CUES)[number];

const SENTIMENT_LABELS = ['positive', 'neutral', 'negative', 'unsupported'] as const;
const phrase = z.string().trim().min(1, 'a keyword may not be empty').max(200, 'a keyword is at most 200 characters');
const id = z.string().trim().min(1).max(200);
const unit = z.number().min(-1).max(1);

/** What a mention must show for the rule to match: every condition given must hold; lists match any of their values. */
export const ruleConditionsSchema = z
  .object({
    sentiment: z.array(z.enum(SENTIMENT_LABELS)).min(1).optional(),
    /** Sentiment score in [-1, 1]. */
    scoreAtMost: unit.optional(),
    scoreAtLeast: unit.optional(),
    /** Analysis less sure than this (0 to 1): for "a person should check" rules. */
    confidenceBelow: z.number().min(0).max(1).optional(),
    /** Saved listening query ids; the mention matches at least one. */
    queries: z.array(id).min(1).max(100).optional(),
    /** Words or phrases, case-insensitive, on word boundaries; any of them. */
    keywords: z.array(phrase).min(1).max(200).optional(),
    /** None of these may appear. */
    excludeKeywords: z.array(phrase).min(1).max(200).optional(),
    reachAtLeast: z.number().min(0).optional(),
    verified: z.boolean().optional(),
    platforms: z.array(z.enum(PLATFORMS)).min(1).optional(),
    /** ISO 639-1 codes as analysis reports them ("en", "de"). */
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'a language is an ISO 639 code such as "en"'))
      .min(1)
      .optional(),
    /** Filed under an emerging issue (true) or not (false). */
    inIssue: z.boolean().optional(),
    /** One of its queries, or its issue, is spiking now. */
    duringSpike: z.boolean().optional(),
    cues: z.array(z.enum(CUES)).min(1).optional(),
  })
  .strict()
  .refine((when) => Object.keys(when).length > 0, { message: 'a rule needs at least one condition' })
  .refine(
    (when) =>
      when.scoreAtMost === undefined || when.scoreAtLeast === undefined || when.scoreAtLeast <= when.scoreAtMost,
    { message: 'scoreAtLeast is above scoreAtMost: nothing could match' },
  );

/** What happens to a mention the rule matches: it is flagged into a team's inbox. */
export const ruleActionsSchema = z
  .object({
    priority: z.enum(PRIORITIES),
    /** The team whose inbox receives it. */
    teamId: id,
    /** A user to assign it to straight away (must be a member of the team). */
    assignTo: id.optional(),
    /** Notification channel ids; alerts are grouped per rule and channel, one message per burst. */
    notify: z.array(id).max(20).default([]),
    /** Minutes (business time of the team) for a first response before it escalates. */
    slaMinutes: z
      .number()
      .int()
      .min(1)
      .max(30 * 24 * 60)
      .optional(),
    /** The next tier: the team that receives it when the SLA is breached. Without it, the same team at a higher priority. */
    escalateToTeamId: id.optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    /** Stable across versions (a slug): items and statistics refer to it. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a rule id is lower-case letters, digits and dashes, at most 63'),
    name: z.string().trim().min(1).max(200),
    enabled: z.boolean().default(true),
    when: ruleConditionsSchema,
    then: ruleActionsSchema,
  })
  .strict();

/** The ordered rule list: the first enabled rule that matches a mention decides what happens to it. */
export const ruleSetSchema = z
  .object({ rules: z.array(ruleSchema).max(1_000) })
  .strict()
  .superRefine((set, context) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `rule id "${rule.id}" is used twice`,
        });
      }
      seen.add(rule.id);
    });
  });

export type RuleConditions = z.infer<typeof ruleConditionsSchema>;
export type RuleActions = z.infer<typeof ruleActionsSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** What a person sends: defaults (enabled, notify) may be left out. */
export type RuleSetInput = z.input<typeof ruleSetSchema>;
export type RuleInput = z.input<typeof ruleSchema>;
