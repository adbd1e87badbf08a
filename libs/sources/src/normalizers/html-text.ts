import { convert } from 'html-to-text';

const OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
  ],
};

/** Plain text from HTML (Mastodon statuses, RSS descriptions): markup dropped, entities decoded. */
export function htmlToText(html: string): string {
  return convert(html, OPTIONS).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** X sends plain text with &amp;, &lt; and &gt; escaped; only those are decoded. */
export function decodeXEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
}
