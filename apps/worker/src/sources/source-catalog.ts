import { Inject, Injectable } from '@nestjs/common';
import type { SecretBox } from '@watchfloor/access';
import { SECRET_BOX } from '@watchfloor/nest-runtime';
import { SourceRepository, openDefinition } from '@watchfloor/persistence';
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

  /**
   * The source with its credentials opened; null when it no longer exists. Credentials sealed
   * before they were bound to their row are stored bound on this first read.
   */
  async definition(sourceId: string): Promise<SourceDefinition | null> {
    const stored = await this.sources.findById(sourceId);
    if (stored === null) return null;
    const { definition, resealed } = openDefinition(stored, this.box);
    if (resealed !== null && stored.credentialsSealed !== null) {
      await this.sources.resealCredentials(stored.id, stored.credentialsSealed, resealed);
    }
    return definition;
  }

  enabledSources(): Promise<StoredSource[]> {
    return this.sources.list({ enabledOnly: true });
  }

  enabledQueries(): Promise<NamedQuery[]> {
    return this.queries.load();
  }
}
