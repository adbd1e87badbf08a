import { Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import {
  BLUESKY_SEARCH,
  MASTODON_SEARCH,
  REDDIT_SEARCH,
  X_SEARCH,
  parseQuery,
  previewQuery,
  requiredHashtags,
  toPlatformSearches,
} from '@watchfloor/listening';
import { QueryChangesChannel, SourcesQueueClient } from '@watchfloor/messaging';
import type { PlatformQuery, PreviewResult } from '@watchfloor/listening';
import { AuditRepository, ListeningQueryRepository, MentionRepository } from '@watchfloor/persistence';
import type { ListeningQueryRecord, QueryKind, QueryVersion } from '@watchfloor/persistence';

/** The most stored mentions a preview reads: enough to judge a query, bounded for the API process. */
export const PREVIEW_SCAN_LIMIT = 100_000;

export interface QueryPreview extends PreviewResult {
  hours: number;
  /** False when the window held more mentions than a preview reads: the figures cover the newest ones. */
  complete: boolean;
  /** How the query reads in each platform's search (several searches where it has no OR), or why it cannot. */
  platforms: Record<'twitter' | 'reddit' | 'mastodon' | 'bluesky', PlatformQuery[] | { error: string }>;
  /** The hashtags every match carries: what Mastodon hashtag timelines and streams listen to; null if none. */
  hashtags: string[] | null;
}

@Injectable()
export class QueriesService {
  constructor(
    private readonly queries: ListeningQueryRepository,
    private readonly mentions: MentionRepository,
    private readonly audit: AuditRepository,
    private readonly sources: SourcesQueueClient,
    private readonly changes: QueryChangesChannel,
  ) {}

  list(): Promise<ListeningQueryRecord[]> {
    return this.queries.list();
  }

  versions(id: string): Promise<QueryVersion[]> {
    return this.queries.versions(id);
  }

  /** The text is parsed before anything is stored: a query that does not parse is refused with its column. */
  async create(input: { name: string; kind: QueryKind; text: string }, by: Principal): Promise<ListeningQueryRecord> {
    parseQuery(input.text);
    const actor = actorOf(by);
    const created = await this.audit.audited(async (db, audit) => {
      const query = await this.queries.create({ ...input, createdBy: actor.label }, db);
      await audit({
        actor,
        action: 'query.created',
        target: { type: 'query', id: query.id },
        before: null,
        after: query,
      });
      return query;
    });
    await this.announce();
    return created;
  }

  async update(
    id: string,
    changes: { name?: string; kind?: QueryKind; enabled?: boolean; text?: string },
    by: Principal,
  ): Promise<ListeningQueryRecord> {
    if (changes.text !== undefined) parseQuery(changes.text);
    const actor = actorOf(by);
    const updated = await this.audit.audited(async (db, audit) => {
      const before = await this.queries.findById(id, db);
      if (before === null) throw new NotFoundException(`No listening query ${id}`);
      const after = (await this.queries.update(id, changes, actor.label, db))!;
      await audit({ actor, action: 'query.updated', target: { type: 'query', id }, before, after });
      return after;
    });
    await this.announce();
    return updated;
  }

  /**
   * The workers tag mentions with the new text at once, and the sources start listening for it
   * (or stop) without waiting for the next reconcile.
   */
  private async announce(): Promise<void> {
    await this.changes.announce();
    await this.sources.requestReconcile();
  }

  async preview(text: string, hours: number): Promise<QueryPreview> {
    const query = parseQuery(text);
    const since = new Date(Date.now() - hours * 3_600_000);
    const mentions = await this.mentions.findForMatching(since, PREVIEW_SCAN_LIMIT);
    const result = previewQuery(query, mentions);
    return {
      ...result,
      hours,
      complete: mentions.length < PREVIEW_SCAN_LIMIT,
      platforms: {
        twitter: translate(() => toPlatformSearches(query, X_SEARCH)),
        reddit: translate(() => toPlatformSearches(query, REDDIT_SEARCH)),
        mastodon: translate(() => toPlatformSearches(query, MASTODON_SEARCH)),
        bluesky: translate(() => toPlatformSearches(query, BLUESKY_SEARCH)),
      },
      hashtags: requiredHashtags(query),
    };
  }
}

function translate(work: () => PlatformQuery[]): PlatformQuery[] | { error: string } {
  try {
    return work();
  } catch (error) {
    return { error: (error as Error).message };
  }
}
