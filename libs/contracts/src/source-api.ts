/** The answers of `/api/sources`, typed once: the API builds them and the web app reads them. */

export type SourceState = 'disabled' | 'never-run' | 'ok' | 'warning' | 'rate-limited' | 'error' | 'stale';

export interface BudgetWarningView {
  code: 'budget-80' | 'budget-spent' | 'query-too-broad' | 'queries-too-broad';
  message: string;
}

export interface SourceHealthView {
  /** The calendar month (UTC) the reads count towards, as YYYY-MM. */
  month: string;
  readsThisMonth: number;
  lastActivityAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorKind: string | null;
  lastError: string | null;
  newestMentionAt: string | null;
  rateLimit: { remaining: number | null; limit: number | null; resetAt: string | null };
  blockedUntil: string | null;
  streamConnected: boolean | null;
  warnings: BudgetWarningView[];
  /** Per query id: its estimated monthly reads, and when it was last polled. */
  queryEstimates: Record<string, { monthlyReads: number; polledAt: string }>;
}

/** A source as the admin sees it: never its credentials, only which fields are set. */
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
  version: number;
  createdAt: string;
  updatedAt: string;
  state: SourceState;
  /** Seconds since the newest mention the source has seen was posted. */
  lagSeconds: number | null;
  health: SourceHealthView | null;
}

/** JSON Schema of a kind's settings or credentials, as far as a form reads it. */
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
  requestLimit: { requests: number; perSeconds: number };
}
