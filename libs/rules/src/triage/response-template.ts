import { z } from 'zod';

/**
 * Saved replies with placeholders, such as "Hi {{author.name}}, {{agent.name}} from {{team.name}} here".
 * Placeholders are checked when a template is saved, so a typo fails in the editor, not in front of a customer.
 */

/** Stored inside template bodies: never rename one. */
export const TEMPLATE_PLACEHOLDERS = [
  'author.handle',
  'author.name',
  'agent.name',
  'team.name',
  'mention.url',
  'item.id',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export const MAX_TEMPLATE_BODY_LENGTH = 2_000;

/** What a template can be filled with; only the author's display name may be missing. */
export interface TemplateValues {
  /** Handles are stored without "@" (see @watchfloor/domain): write "@{{author.handle}}" to mention someone. */
  author: { handle: string; name?: string | null };
  agent: { name: string };
  team: { name: string };
  mention: { url: string };
  item: { id: string };
}

export class ResponseTemplateError extends Error {
  override readonly name = 'ResponseTemplateError';
}

export interface ParsedTemplate {
  /** Each placeholder the body uses, once, in order of first use. */
  placeholders: readonly TemplatePlaceholder[];
}

type Segment = { text: string } | { placeholder: TemplatePlaceholder };

const OPEN = '{{';
const CLOSE = '}}';

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Splits a body into text and placeholders; single braces are plain text. */
function segmentsOf(body: string): Segment[] {
  if (body.length > MAX_TEMPLATE_BODY_LENGTH) {
    throw new ResponseTemplateError(
      `a template body is at most ${MAX_TEMPLATE_BODY_LENGTH} characters; this one has ${body.length}`,
    );
  }
  const segments: Segment[] = [];
  let cursor = 0;
  while (cursor < body.length) {
    const open = body.indexOf(OPEN, cursor);
    const close = body.indexOf(CLOSE, cursor);
    if (close !== -1 && (open === -1 || close < open)) {
      throw new ResponseTemplateError(`unbalanced braces: "}}" at character ${close + 1} closes nothing`);
    }
    if (open === -1) {
      segments.push({ text: body.slice(cursor) });
      break;
    }
    const nextOpen = body.indexOf(OPEN, open + OPEN.length);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      throw new ResponseTemplateError(`unbalanced braces: "{{" at character ${open + 1} is never closed with "}}"`);
    }
    const name = body.slice(open + OPEN.length, close).trim();
    if (!isPlaceholder(name)) {
      const known = TEMPLATE_PLACEHOLDERS.map((placeholder) => `{{${placeholder}}}`).join(', ');
      throw new ResponseTemplateError(`unknown placeholder {{${name}}} at character ${open + 1}: use one of ${known}`);
    }
    if (open > cursor) segments.push({ text: body.slice(cursor, open) });
    segments.push({ placeholder: name });
    cursor = close + CLOSE.length;
  }
  return segments;
}

/** The placeholders a body uses; throws ResponseTemplateError for unknown ones, unbalanced braces or a body too long. */
export function parseTemplate(body: string): ParsedTemplate {
  const placeholders = new Set<TemplatePlaceholder>();
  for (const segment of segmentsOf(body)) {
    if ('placeholder' in segment) placeholders.add(segment.placeholder);
  }
  return { placeholders: [...placeholders] };
}

function valueOf(placeholder: TemplatePlaceholder, values: TemplateValues): string {
  switch (placeholder) {
    case 'author.handle':
      return values.author.handle;
    case 'author.name':
      // Many authors show no display name, and "Hi ," reads worse than "Hi @handle,".
      return values.author.name?.trim() || `@${values.author.handle}`;
    case 'agent.name':
      return values.agent.name;
    case 'team.name':
      return values.team.name;
    case 'mention.url':
      return values.mention.url;
    case 'item.id':
      return values.item.id;
  }
}

/** The reply text; throws ResponseTemplateError as parseTemplate does. */
export function renderTemplate(body: string, values: TemplateValues): string {
  return segmentsOf(body)
    .map((segment) => ('placeholder' in segment ? valueOf(segment.placeholder, values) : segment.text))
    .join('');
}

export const responseTemplateSchema = z
  .object({
    name: z.string().trim().min(1, 'a template needs a name').max(100, 'a template name is at most 100 characters'),
    body: z
      .string()
      .min(1, 'a template body may not be empty')
      .superRefine((body, context) => {
        try {
          parseTemplate(body);
        } catch (error) {
          if (!(error instanceof ResponseTemplateError)) throw error;
          context.addIssue({ code: 'custom', message: error.message });
        }
      }),
    /** The team that may use it; null or left out: every team. */
    teamId: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .strict();

export type ResponseTemplate = z.infer<typeof responseTemplateSchema>;
