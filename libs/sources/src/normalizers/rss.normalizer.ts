import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UnreadableResponseError, asRecord, normalizeItems } from './normalized-batch';
import type { NormalizedBatch } from './normalized-batch';
import { htmlToText } from './html-text';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Entity expansion stays at XML's five: no DOCTYPE-defined entities (billion-laughs).
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

/** RSS 2.0 (`channel.item`) or Atom (`feed.entry`). Descriptions are HTML; links made absolute. */
export function normalizeRss(body: string, source = 'rss', feedUrl?: string): NormalizedBatch {
  if (typeof body !== 'string') throw new UnreadableResponseError('the feed is not text');
  if (hasInlineDoctype(body)) throw new UnreadableResponseError('feeds with an inline DOCTYPE are refused');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new UnreadableResponseError(`not XML: ${valid.err.msg} (line ${valid.err.line})`);
  let document: Record<string, unknown>;
  try {
    document = parser.parse(body) as Record<string, unknown>;
  } catch (error) {
    // The parser's own guards: nesting too deep, element names such as __proto__.
    throw new UnreadableResponseError(`not a readable feed: ${(error as Error).message}`);
  }
  const channel = asRecord(asRecord(document['rss'])?.['channel']);
  const feed = asRecord(document['feed']);
  if (channel !== undefined) {
    const base = feedUrl ?? text(channel['link']);
    return normalizeItems(asList(channel['item']), (item) => fromRssItem(item, source, base));
  }
  if (feed !== undefined) {
    const base = feedUrl ?? alternateLink(feed['link']);
    return normalizeItems(asList(feed['entry']), (entry) => fromAtomEntry(entry, source, base));
  }
  throw new UnreadableResponseError('not an RSS or Atom feed: expected <rss><channel> or <feed>');
}

function fromRssItem(item: Record<string, unknown>, source: string, base: string | undefined): unknown {
  const link = absolute(text(item['link']), base);
  const title = text(item['title']) ?? '';
  const description = text(item['content:encoded']) ?? text(item['description']) ?? '';
  return {
    platform: 'rss',
    externalId: text(item['guid']) ?? link,
    source,
    url: link,
    text: [htmlToText(title), htmlToText(description)].filter(Boolean).join('\n\n'),
    createdAt: isoDate(text(item['pubDate']) ?? text(item['dc:date'])),
    author: {
      handle: hostOf(link) ?? 'unknown',
      ...(text(item['dc:creator']) !== undefined && { name: text(item['dc:creator']) }),
    },
    raw: item,
  };
}

function fromAtomEntry(entry: Record<string, unknown>, source: string, base: string | undefined): unknown {
  const link = absolute(alternateLink(entry['link']), base);
  const author = asRecord(Array.isArray(entry['author']) ? entry['author'][0] : entry['author']);
  return {
    platform: 'rss',
    externalId: text(entry['id']) ?? link,
    source,
    url: link,
    text: [htmlToText(text(entry['title']) ?? ''), htmlToText(text(entry['content']) ?? text(entry['summary']) ?? '')]
      .filter(Boolean)
      .join('\n\n'),
    createdAt: isoDate(text(entry['published']) ?? text(entry['updated'])),
    author: {
      handle: hostOf(link) ?? 'unknown',
      ...(text(author?.['name']) !== undefined && { name: text(author?.['name']) }),
    },
    raw: entry,
  };
}

/**
 * A DOCTYPE with an internal subset ("<!DOCTYPE x [ ... ]>") can define entities. Found with
 * indexOf in one pass: a regular expression backtracked quadratically over many unclosed DOCTYPEs.
 */
function hasInlineDoctype(body: string): boolean {
  const upper = body.toUpperCase();
  for (let at = upper.indexOf('<!DOCTYPE'); at !== -1; at = upper.indexOf('<!DOCTYPE', at + 1)) {
    const end = upper.indexOf('>', at);
    if (end === -1) return upper.includes('[', at);
    if (upper.slice(at, end).includes('[')) return true;
    at = end;
  }
  return false;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  const record = asRecord(value);
  if (record === undefined) return undefined;
  return text(record['#text'] ?? record['@href']);
}

function alternateLink(value: unknown): string | undefined {
  const links = asList(value).map((link) => asRecord(link) ?? { '#text': link });
  const alternate = links.find((link) => link['@rel'] === undefined || link['@rel'] === 'alternate');
  return text(alternate?.['@href'] ?? alternate?.['#text']);
}

function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  try {
    return new URL(link, base).toString();
  } catch {
    return link;
  }
}

function hostOf(link: string | undefined): string | undefined {
  try {
    return link === undefined ? undefined : new URL(link).hostname;
  } catch {
    return undefined;
  }
}

function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}
