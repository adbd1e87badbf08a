import { Inject, Injectable } from '@nestjs/common';
import type { SecretBox } from '@watchfloor/access';
import { SECRET_BOX } from '@watchfloor/nest-runtime';
import { SourceRepository, definitionOf } from '@watchfloor/persistence';
import type { StoredSource } from '@watchfloor/persistence';
import type { NamedQuery, SourceDefinition } from '@watchfloor/sources';
import { EnabledQueries } from '../queries/enabled-queries.service';

/** The configured sources and the enabled queries, as the runners need them. */
@Injectable()
export class SourceCatalog {
  constructor(
    private readonly sources: SourceRepository,
    private readonly queries: EnabledQueries,
    @Inject(SECRET_BOX) private readonly box: SecretBox | null,
  ) {}

  /** The source with its credentials opened; null when it no longer exists. */
  async definition(sourceId: string): Promise<SourceDefinition | null> {
    const stored = await this.sources.findById(sourceId);
    return stored === null ? null : definitionOf(stored, this.box);
  }

  enabledSources(): Promise<StoredSource[]> {
    return this.sources.list({ enabledOnly: true });
  }

  enabledQueries(): Promise<NamedQuery[]> {
    return this.queries.load();
  }
}
