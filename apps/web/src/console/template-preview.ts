import type { TriageItemView } from '@watchfloor/contracts';

/** The placeholders a response template may use; the server fills them in the same way when it sends. */
export interface TemplateContext {
  'author.handle': string;
  'author.name': string;
  'agent.name': string;
  'team.name': string;
  'mention.url': string;
  'item.id': string;
}

export function templateContext(item: TriageItemView, agentName: string): TemplateContext {
  return {
    'author.handle': item.mention.author.handle,
    'author.name': item.mention.author.name ?? item.mention.author.handle,
    'agent.name': agentName,
    'team.name': item.teamName,
    'mention.url': item.mention.url,
    'item.id': item.id,
  };
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

export function hasPlaceholders(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/** Fills the placeholders it knows for a preview, and leaves any other `{{...}}` as written. */
export function renderTemplate(body: string, context: TemplateContext): string {
  return body.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(context, name) ? context[name as keyof TemplateContext] : whole,
  );
}
