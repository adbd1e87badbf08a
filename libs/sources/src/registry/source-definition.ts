import type { z } from 'zod';
import { SOURCE_KIND_SPECS } from './source-kinds';
import type { SourceKind, SourceKindSpec } from './source-kinds';

/** A configured source, as the runner sees it: credentials opened, never logged. */
export interface SourceDefinition {
  id: string;
  name: string;
  kind: SourceKind;
  settings: Record<string, unknown>;
  credentials: Record<string, string> | null;
  pollSeconds: number;
  /** Posts the source may read in a calendar month (UTC); null for unlimited. */
  monthlyReadBudget: number | null;
  enabled: boolean;
  /** Bumped on every change: a stream running an older version restarts. */
  version: number;
}

/** A source's settings or credentials are not what its kind takes; each problem names its field. */
export class SourceConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

export function specOf(kind: SourceKind): SourceKindSpec {
  return SOURCE_KIND_SPECS[kind];
}

/** Checks settings against the source's kind, filling defaults. */
export function validateSourceSettings(kind: SourceKind, settings: unknown): Record<string, unknown> {
  return parseOrThrow(specOf(kind).settings, settings ?? {}, 'settings');
}

/** Checks credentials against the source's kind; null where the kind takes none or they are optional and absent. */
export function validateSourceCredentials(kind: SourceKind, credentials: unknown): Record<string, string> | null {
  const spec = specOf(kind);
  if (credentials === undefined || credentials === null) {
    if (spec.credentialsRequired) throw new SourceConfigError([`credentials: ${spec.label} needs credentials`]);
    return null;
  }
  if (spec.credentials === null) throw new SourceConfigError([`credentials: ${spec.label} takes no credentials`]);
  return parseOrThrow(spec.credentials, credentials, 'credentials');
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new SourceConfigError(
    parsed.error.issues.map((issue) => `${[field, ...issue.path.map(String)].join('.')}: ${issue.message}`),
  );
}

/**
 * How often each of a source's polls runs: its own setting, slowed where its queries together
 * would ask more of the platform than its documented limit allows (10 queries on X's 60
 * requests per 15 minutes poll each every 150 s, not every 60).
 */
export function effectivePollSeconds(
  definition: Pick<SourceDefinition, 'kind' | 'pollSeconds'>,
  polls: number,
): number {
  const { requestLimit } = specOf(definition.kind);
  // Leave a fifth of the limit for paging and retries.
  const spacing = Math.ceil((Math.max(1, polls) * requestLimit.perSeconds) / (requestLimit.requests * 0.8));
  return Math.max(definition.pollSeconds, spacing);
}
