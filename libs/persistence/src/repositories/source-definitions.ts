import type { SecretBox } from '@watchfloor/access';
import type { SourceDefinition } from '@watchfloor/sources';
import type { StoredSource } from './source.repository';

/** Credentials are stored but cannot be opened here: the key is missing or another one. */
export class SourceCredentialsUnavailableError extends Error {}

/** What a source's sealed credentials are bound to: this row, this column. */
export function sourceCredentialsContext(sourceId: string): string {
  return `source:${sourceId}:credentials`;
}

/** Seals a source's credentials for storing: a JSON object under the SecretBox, bound to the source's row. */
export function sealCredentials(
  box: SecretBox | null,
  credentials: Record<string, string> | null,
  sourceId: string,
): { credentialsSealed: string | null; credentialFields: string[] } {
  if (credentials === null) return { credentialsSealed: null, credentialFields: [] };
  if (box === null) {
    throw new SourceCredentialsUnavailableError(
      'WATCHFLOOR_SECRET_KEY is not set, so credentials cannot be stored: set it (`openssl rand -hex 32`) and restart',
    );
  }
  return {
    credentialsSealed: box.seal(JSON.stringify(credentials), sourceCredentialsContext(sourceId)),
    credentialFields: Object.keys(credentials).sort(),
  };
}

/**
 * The source as the runners use it, with its credentials opened; `resealed` holds them sealed
 * anew when they were stored in the old form not bound to their row, for the caller to store.
 */
export function openDefinition(
  stored: StoredSource,
  box: SecretBox | null,
): { definition: SourceDefinition; resealed: string | null } {
  let credentials: Record<string, string> | null = null;
  let resealed: string | null = null;
  if (stored.credentialsSealed !== null) {
    if (box === null) {
      throw new SourceCredentialsUnavailableError(
        `WATCHFLOOR_SECRET_KEY is not set, so the credentials of source "${stored.name}" cannot be opened`,
      );
    }
    try {
      const context = sourceCredentialsContext(stored.id);
      const { plaintext, stale } = box.openSealed(stored.credentialsSealed, context);
      credentials = JSON.parse(plaintext) as Record<string, string>;
      if (stale) resealed = box.seal(plaintext, context);
    } catch (error) {
      throw new SourceCredentialsUnavailableError(`source "${stored.name}": ${(error as Error).message}`);
    }
  }
  const definition: SourceDefinition = {
    id: stored.id,
    name: stored.name,
    kind: stored.kind,
    settings: stored.settings,
    credentials,
    pollSeconds: stored.pollSeconds,
    monthlyReadBudget: stored.monthlyReadBudget,
    enabled: stored.enabled,
    version: stored.version,
  };
  return { definition, resealed };
}

/** The source as the runners use it, with its credentials opened. */
export function definitionOf(stored: StoredSource, box: SecretBox | null): SourceDefinition {
  return openDefinition(stored, box).definition;
}
