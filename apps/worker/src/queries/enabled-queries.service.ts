import { Injectable, Logger } from '@nestjs/common';
import { parseQuery } from '@watchfloor/listening';
import { ListeningQueryRepository } from '@watchfloor/persistence';
import type { NamedQuery } from '@watchfloor/sources';

/** The enabled listening queries, parsed: what the sources listen for and the pipeline tags with. */
@Injectable()
export class EnabledQueries {
  private readonly logger = new Logger(EnabledQueries.name);

  constructor(private readonly queries: ListeningQueryRepository) {}

  /** Stored queries parsed when they were saved; one that no longer does is skipped and logged. */
  async load(): Promise<NamedQuery[]> {
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
