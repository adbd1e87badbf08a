import type { ListeningTerms } from '@watchfloor/analysis';
import { parseQuery, queryTerms } from '@watchfloor/listening';
import type { ListeningQueryRecord, ListeningQueryRepository } from '@watchfloor/persistence';

/** Queries are re-read at least this often besides on each announced change: a fallback for an announcement missed while Redis was away. */
const REREAD_MS = 60_000;

/** The enabled queries' terms: the brand's name no issue and match nothing, no query's term names an issue. */
export function listeningTermsOf(records: readonly ListeningQueryRecord[]): ListeningTerms {
  const termsOf = (record: ListeningQueryRecord): string[] => {
    try {
      return queryTerms(parseQuery(record.text));
    } catch {
      // A stored query that no longer parses listens for nothing, so it has no terms to keep out.
      return [];
    }
  };
  const enabled = records.filter((record) => record.enabled);
  return {
    brandTerms: enabled.filter((record) => record.kind === 'brand').flatMap(termsOf),
    queryTerms: enabled.flatMap(termsOf),
  };
}

/**
 * The listening terms as the queries change: read again on the round after an announced change, and
 * every minute besides, so the analysis round costs no query otherwise.
 */
export class ListeningTermsWatch {
  private changed = true;
  private readAt = -Infinity;

  constructor(
    private readonly queries: Pick<ListeningQueryRepository, 'list'>,
    private readonly rereadMs = REREAD_MS,
  ) {}

  markChanged(): void {
    this.changed = true;
  }

  /** The terms if they may have changed since the last read, else undefined. */
  async readIfChanged(now = Date.now()): Promise<ListeningTerms | undefined> {
    if (!this.changed && now - this.readAt < this.rereadMs) return undefined;
    return this.read(now);
  }

  async read(now = Date.now()): Promise<ListeningTerms> {
    // Cleared before the read, so a change announced while it runs is read on the next round.
    this.changed = false;
    const terms = listeningTermsOf(await this.queries.list());
    this.readAt = now;
    return terms;
  }
}
