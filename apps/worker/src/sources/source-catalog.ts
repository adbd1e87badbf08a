import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SecretBox } from '@watchfloor/access';
import { parseQuery } from '@watchfloor/listening';
import { SECRET_BOX } from '@watchfloor/nest-runtime';
import { ListeningQueryRepository, SourceRepository, definitionOf } from '@watchfloor/persistence';
import type { StoredSource } from '@watchfloor/persistence';
import type { NamedQuery, SourceDefinition } from '@watchfloor/sources';

/** The configured sources and the enabled queries, as the runners need them. */
@Injectable()
export class SourceCatalog {
  private readonly logger = new Logger(SourceCatalog.name);

  constructor(
    private readonly sources: SourceRepository,
    private readonly queries: ListeningQueryRepository,
    @Inject(SECRET_BOX) private readonly box: SecretBox | null,
  ) {}

  /** The source with its credentials opened; null when it no longer exists. */
  async definition(sourceId: string): Promise<SourceDefinition | null> {
    const stored = await this.sources.findById(sourceId);
    return stored === null ? null : definitionOf(stored, this.box);
  }

  async enabledSources(): Promise<StoredSource[]> {
    return this.sources.list({ enabledOnly: true });
  }

  /** Every enabled query, parsed. Stored queries parsed when saved; one that no longer does is skipped and logged. */
  async enabledQueries(): Promise<NamedQuery[]> {
    const records = await this.queries.list();
    return records.flatMap((record) => {
      if (!record.enabled) return [];
      try {
        return [{ id: record.id, name: record.name, text: record.text, node: parseQuery(record.text) }];
      } catch (error) {
        this.logger.error({ queryId: record.id, error: (error as Error).message }, 'stored query does not parse');
        return [];
      }
    });
  }
}
