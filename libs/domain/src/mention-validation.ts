import { z } from 'zod';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { PLATFORMS } from './platform';
import type { Mention } from './mention';

/** Long enough for a Reddit self-post (40,000 characters) or an RSS article summary. */
export const MAX_TEXT_LENGTH = 40_000;
const MAX_ID_LENGTH = 256;
const MAX_URL_LENGTH = 2_048;

// C0/C1 control characters other than tab and newlines: they corrupt displays and logs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// Stored as PostgreSQL integers.
const count = z.number().int().nonnegative().max(2_147_483_647);

const mentionSchema = z.object({
  platform: z.enum(PLATFORMS),
  externalId: z.string().trim().min(1).max(MAX_ID_LENGTH),
  source: z.string().trim().min(1).max(64),
  url: z
    .string()
    .trim()
    .max(MAX_URL_LENGTH)
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an absolute http(s) URL'),
  text: z.string().max(MAX_TEXT_LENGTH),
  createdAt: z.iso.datetime({ offset: true }),
  author: z.object({
    handle: z.string().trim().min(1).max(MAX_ID_LENGTH),
    name: z.string().max(MAX_ID_LENGTH).nullish(),
    followers: count.nullish(),
    verified: z.boolean().nullish(),
  }),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en" or "pt-BR"')
    .nullish(),
  place: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      name: z.string().max(MAX_ID_LENGTH).nullish(),
    })
    .nullish(),
  replyToId: z.string().min(1).max(MAX_ID_LENGTH).nullish(),
  repostOfId: z.string().min(1).max(MAX_ID_LENGTH).nullish(),
  metrics: z
    .object({
      likes: count.nullish(),
      reposts: count.nullish(),
      replies: count.nullish(),
      quotes: count.nullish(),
    })
    .nullish(),
  raw: z.unknown().refine((raw) => !nestsDeeperThan(raw), `must not nest deeper than ${MAX_JSON_DEPTH} levels`),
});

export type MentionValidation = { ok: true; mention: Mention } | { ok: false; reason: string };

/**
 * Checks a mention from outside (a source, a replayed file) and puts it in canonical form:
 * text cleaned of control characters and NFC-normalized, times in UTC, handles without "@".
 * Optional fields may be absent or null (platforms send both); nulls are dropped.
 * Never throws: a bad mention is answered with a reason so one bad item cannot sink its batch.
 */
export function validateMention(input: unknown): MentionValidation {
  const parsed = mentionSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: describeIssues(parsed.error) };
  }
  const value = parsed.data;
  const mention: Mention = {
    platform: value.platform,
    externalId: value.externalId,
    source: value.source,
    url: value.url,
    text: cleanText(value.text),
    createdAt: new Date(value.createdAt).toISOString(),
    author: {
      handle: value.author.handle.replace(/^@/, '').toLowerCase(),
      ...(value.author.name != null && { name: cleanText(value.author.name) }),
      ...(value.author.followers != null && { followers: value.author.followers }),
      ...(value.author.verified != null && { verified: value.author.verified }),
    },
    ...(value.lang != null && { lang: value.lang.toLowerCase() }),
    ...(value.place != null && {
      place: {
        lat: value.place.lat,
        lon: value.place.lon,
        ...(value.place.name != null && { name: cleanText(value.place.name) }),
      },
    }),
    ...(value.replyToId != null && { replyToId: value.replyToId }),
    ...(value.repostOfId != null && { repostOfId: value.repostOfId }),
    ...(value.metrics != null && { metrics: withoutNulls(value.metrics) }),
    raw: value.raw ?? null,
  };
  if (mention.author.handle === '') {
    return { ok: false, reason: 'author.handle: must not be empty' };
  }
  // NFC composes most text but expands a few characters: the limit holds for what is stored.
  if (mention.text.length > MAX_TEXT_LENGTH) {
    return { ok: false, reason: `text: must be at most ${MAX_TEXT_LENGTH} characters once normalized` };
  }
  return { ok: true, mention };
}

function withoutNulls<T extends object>(record: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value != null)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

function cleanText(text: string): string {
  return text.toWellFormed().replace(CONTROL_CHARACTERS, '').normalize('NFC').trim();
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'mention'}: ${issue.message}`)
    .join('; ');
}
