/** A source as `GET /api/sources` returns it: no credentials, only which fields are set. */
export interface SourceView {
  id: string;
  name: string;
  kind: string;
  platform: string;
  label: string;
  settings: Record<string, unknown>;
  credentialFields: string[];
  pollSeconds: number;
  monthlyReadBudget: number | null;
  enabled: boolean;
  state: 'disabled' | 'never-run' | 'ok' | 'warning' | 'rate-limited' | 'error' | 'stale';
  lagSeconds: number | null;
  health: {
    readsThisMonth: number;
    lastSuccessAt: string | null;
    lastErrorAt: string | null;
    lastErrorKind: string | null;
    lastError: string | null;
    rateLimit: { remaining: number | null; limit: number | null; resetAt: string | null };
    blockedUntil: string | null;
    warnings: { code: string; message: string }[];
  } | null;
}

/** JSON Schema of a kind's settings or credentials, as far as the form reads it. */
export interface FieldsSchema {
  properties?: Record<string, { type?: string; enum?: string[]; default?: unknown; description?: string }>;
  required?: string[];
}

export interface SourceKindView {
  kind: string;
  platform: string;
  label: string;
  scope: 'query' | 'source';
  run: 'poll' | 'stream';
  settings: FieldsSchema;
  credentials: FieldsSchema | null;
  credentialsRequired: boolean;
  defaultPollSeconds: number;
  defaultMonthlyReadBudget: number | null;
}
