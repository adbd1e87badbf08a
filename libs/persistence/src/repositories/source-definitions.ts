import type { SecretBox } from '@watchfloor/access';
import type { SourceDefinition } from '@watchfloor/sources';
import type { StoredSource } from './source.repository';

/** Credentials are stored but cannot be opened here: the key is missing or another one. */
export class SourceCredentialsUnavailableError extends Error {}

/** Seals a source's credentials for storing: a JSON object under the SecretBox. */
export function sealCredentials(
  box: SecretBox | null,
  credentials: Record<string, string> | null,
): { credentialsSealed: string | null; credentialFields: string[] } {
  if (credentials === null) return { credentialsSealed: null, credentialFields: [] };
  if (box === null) {
    throw new SourceCredentialsUnavailableError(
      'WATCHFLOOR_SECRET_KEY is not set, so credentials cannot be stored: set it (`openssl rand -hex 32`) and restart',
    );
  }
  return {
    credentialsSealed: box.seal(JSON.stringify(credentials)),
    credentialFields: Object.keys(credentials).sort(),
  };
}

/** The source as the runners use it, with its credentials opened. */
export function definitionOf(stored: StoredSource, box: SecretBox | null): SourceDefinition {
  let credentials: Record<string, string> | null = null;
  if (stored.credentialsSealed !== null) {
    if (box === null) {
      throw new SourceCredentialsUnavailableError(
        `WATCHFLOOR_SECRET_KEY is not set, so the credentials of source "${stored.name}" cannot be opened`,
      );
    }
    try {
      credentials = JSON.parse(box.open(stored.credentialsSealed)) as Record<string, string>;
    } catch (error) {
      throw new SourceCredentialsUnavailableError(`source "${stored.name}": ${(error as Error).message}`);
    }
  }
  return {
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
}
