import { convert } from 'html-to-text';
import { MAX_TEXT_LENGTH } from '@watchfloor/domain';

/**
 * Ten times the longest text a mention may have (MAX_TEXT_LENGTH): room for markup. Converting
 * megabytes only to refuse the text afterwards would hold a worker for seconds.
 */
export const MAX_HTML_LENGTH = MAX_TEXT_LENGTH * 10;

const OPTIONS = {
  wordwrap: false as const,
  // html-to-text walks the tree recursively: thousands of nested elements would overflow the
  // stack. Real posts nest a few levels; text deeper than this is cut to an ellipsis.
  limits: { maxDepth: 64 },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
  ],
};

/** Plain text from HTML (Mastodon statuses, RSS descriptions): markup dropped, entities decoded. */
export function htmlToText(html: string): string {
  if (html.length > MAX_HTML_LENGTH) {
    throw new Error(`the HTML is ${html.length} characters long; at most ${MAX_HTML_LENGTH} are read`);
  }
  return convert(html, OPTIONS).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** X sends plain text with &amp;, &lt; and &gt; escaped; only those are decoded. */
export function decodeXEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
}
