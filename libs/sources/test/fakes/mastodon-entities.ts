/**
 * Mastodon's entities and list semantics as its API documents them (and as its source behaves
 * where the two differ), for FakeMastodonServer.
 */

export type StatusRecord = Record<string, unknown> & { id: string };

export interface FakeStatusInput {
  text: string;
  tags?: string[];
  acct?: string;
  language?: string;
  /** Only on this instance (the local timeline). */
  local?: boolean;
  inReplyToId?: string;
}

export interface StoredStatus {
  entity: StatusRecord;
  tags: string[];
  local: boolean;
  text: string;
}

/** A Status entity; content is HTML with hashtag links, as Mastodon renders it. */
export function statusEntity(origin: string, id: string, input: FakeStatusInput, tags: string[]): StatusRecord {
  const acct = input.acct ?? 'dana@mastodon.social';
  const [username] = acct.split('@');
  const links = tags
    .map((tag) => ` <a href="${origin}/tags/${tag}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`)
    .join('');
  return {
    id,
    created_at: new Date(snowflakeTime(id)).toISOString(),
    in_reply_to_id: input.inReplyToId ?? null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: input.language ?? 'en',
    uri: `${origin}/users/${username}/statuses/${id}`,
    url: `${origin}/@${username}/${id}`,
    replies_count: 0,
    reblogs_count: 1,
    favourites_count: 2,
    content: `<p>${escapeHtml(input.text)}${links}</p>`,
    reblog: null,
    account: { id: '7', username, acct, display_name: 'Dana', followers_count: 88, url: `${origin}/@${username}` },
    media_attachments: [],
    mentions: [],
    tags: tags.map((name) => ({ name, url: `${origin}/tags/${name}` })),
    emojis: [],
  };
}

/** Mastodon ids are snowflakes: milliseconds since the epoch shifted left 16 bits, plus a sequence. */
export function snowflake(sequence: number, now = Date.now()): string {
  return ((BigInt(now) << 16n) + BigInt(sequence % 65_536)).toString();
}

function snowflakeTime(id: string): number {
  return Number(BigInt(id) >> 16n);
}

/**
 * Timelines and notifications: `min_id` gives the page just after it, the others the newest page
 * (below `max_id`, above `since_id`); newest first either way.
 */
export function timelinePage<T extends { id: string }>(items: T[], params: URLSearchParams): T[] {
  const limit = Math.min(40, Number(params.get('limit') ?? 20));
  const minId = params.get('min_id');
  const sinceId = params.get('since_id');
  const maxId = params.get('max_id');
  let kept = [...items].sort((a, b) => compareIds(a.id, b.id));
  if (maxId !== null) kept = kept.filter((item) => compareIds(item.id, maxId) < 0);
  if (sinceId !== null) kept = kept.filter((item) => compareIds(item.id, sinceId) > 0);
  if (minId !== null)
    return kept
      .filter((item) => compareIds(item.id, minId) > 0)
      .slice(0, limit)
      .reverse();
  return kept.slice(-limit).reverse();
}

/**
 * v2 search as Mastodon 4.2+ runs it: newest first, `offset` and `limit`, and `min_id` turned into
 * an `after:` date to the second (StatusesSearchService#convert_deprecated_options!).
 */
export function searchPage(statuses: StoredStatus[], params: URLSearchParams): StatusRecord[] {
  const terms = (params.get('q') ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '');
  const limit = Math.min(40, Number(params.get('limit') ?? 20));
  const offset = Number(params.get('offset') ?? 0);
  const minId = params.get('min_id');
  const after = minId === null ? -Infinity : Math.floor(snowflakeTime(minId) / 1000) * 1000;
  return (
    statuses
      .filter((status) => terms.every((term) => matchesTerm(status, term)))
      // created_at compared through the id, which Mastodon derives from it.
      .filter((status) => snowflakeTime(status.entity.id) > after)
      .map((status) => status.entity)
      .sort((a, b) => compareIds(b.id, a.id))
      .slice(offset, offset + limit)
  );
}

/** Enough of Mastodon's search syntax for tests: words, "phrases", #tags and -exclusions, all required. */
function matchesTerm(status: StoredStatus, term: string): boolean {
  const excluded = term.startsWith('-');
  const bare = excluded ? term.slice(1) : term;
  const found = bare.startsWith('#')
    ? status.tags.includes(bare.slice(1))
    : status.text.includes(bare.replaceAll('"', ''));
  return found !== excluded;
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
