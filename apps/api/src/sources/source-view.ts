import type { SourceHealth, StoredSource } from '@watchfloor/persistence';
import type { SourceView } from '@watchfloor/contracts';
import { SOURCE_KIND_SPECS, sourceStateOf } from '@watchfloor/sources';

export function toSourceView(source: StoredSource, health: SourceHealth | null, now = new Date()): SourceView {
  const spec = SOURCE_KIND_SPECS[source.kind];
  return {
    id: source.id,
    name: source.name,
    kind: source.kind,
    platform: spec.platform,
    label: spec.label,
    settings: source.settings,
    credentialFields: source.credentialFields,
    pollSeconds: source.pollSeconds,
    monthlyReadBudget: source.monthlyReadBudget,
    enabled: source.enabled,
    version: source.version,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
    state: sourceStateOf(source, health, now),
    lagSeconds:
      health?.newestMentionAt == null
        ? null
        : Math.max(0, Math.round((now.getTime() - Date.parse(health.newestMentionAt)) / 1000)),
    health,
  };
}

/** What `/api/health` tells anyone about a source: its state, not its settings or error text. */
export function toPublicSourceHealth(view: SourceView): Record<string, unknown> {
  return {
    name: view.name,
    platform: view.platform,
    kind: view.kind,
    state: view.state,
    lastSuccessAt: view.health?.lastSuccessAt ?? null,
    lagSeconds: view.lagSeconds,
    errorKind: view.state === 'error' ? (view.health?.lastErrorKind ?? null) : null,
    rateLimitRemaining: view.health?.rateLimit.remaining ?? null,
    readsThisMonth: view.health?.readsThisMonth ?? 0,
    monthlyReadBudget: view.monthlyReadBudget,
  };
}
