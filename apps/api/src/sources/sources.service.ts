import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal, SecretBox } from '@watchfloor/access';
import { SourcesQueueClient } from '@watchfloor/messaging';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG, SECRET_BOX } from '@watchfloor/nest-runtime';
import {
  AuditRepository,
  ListeningQueryRepository,
  SourceHealthRepository,
  SourceRepository,
  sealCredentials,
} from '@watchfloor/persistence';
import type { SourceChanges } from '@watchfloor/persistence';
import {
  SOURCE_KIND_SPECS,
  SourceConfigError,
  changedEndpoints,
  endpointProblems,
  specOf,
  validateSourceCredentials,
  validateSourceSettings,
} from '@watchfloor/sources';
import type { SourceKind } from '@watchfloor/sources';
import { toSourceView } from './source-view';
import type { SourceView } from '@watchfloor/contracts';

export interface NewSourceInput {
  name: string;
  kind: SourceKind;
  settings: Record<string, unknown>;
  credentials?: Record<string, string> | null;
  pollSeconds?: number;
  monthlyReadBudget?: number | null;
  enabled: boolean;
}

export interface SourceChangesInput {
  name?: string;
  settings?: Record<string, unknown>;
  /** New credentials replace the stored ones; null removes them; absent keeps them. */
  credentials?: Record<string, string> | null;
  pollSeconds?: number;
  monthlyReadBudget?: number | null;
  enabled?: boolean;
}

/** Sources: validated against their kind, credentials sealed before storing, every change audited. */
@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourceRepository,
    private readonly health: SourceHealthRepository,
    private readonly queries: ListeningQueryRepository,
    private readonly audit: AuditRepository,
    private readonly queue: SourcesQueueClient,
    @Inject(SECRET_BOX) private readonly box: SecretBox | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Settings checked against the kind, and their endpoints against the official hosts. */
  private validSettings(kind: SourceKind, settings: unknown): Record<string, unknown> {
    const valid = validateSourceSettings(kind, settings);
    const problems = endpointProblems(kind, valid, { overrides: this.config.sources.endpointOverrides });
    if (problems.length > 0) throw new SourceConfigError(problems);
    return valid;
  }

  async list(): Promise<SourceView[]> {
    const [sources, health] = await Promise.all([this.sources.list(), this.health.findAll()]);
    return sources.map((source) => toSourceView(source, health.get(source.id) ?? null));
  }

  async create(input: NewSourceInput, by: Principal): Promise<SourceView> {
    const spec = specOf(input.kind);
    const settings = this.validSettings(input.kind, input.settings);
    const id = randomUUID();
    const sealed = sealCredentials(this.box, validateSourceCredentials(input.kind, input.credentials), id);
    const actor = actorOf(by);
    const created = await this.audit.audited(async (db, audit) => {
      const source = await this.sources.create(
        {
          id,
          name: input.name,
          kind: input.kind,
          settings,
          ...sealed,
          pollSeconds: input.pollSeconds ?? spec.defaultPollSeconds,
          monthlyReadBudget:
            input.monthlyReadBudget === undefined ? spec.defaultMonthlyReadBudget : input.monthlyReadBudget,
          enabled: input.enabled,
        },
        db,
      );
      const view = toSourceView(source, null);
      await audit({
        actor,
        action: 'source.created',
        target: { type: 'source', id: source.id },
        before: null,
        after: auditable(view),
      });
      return view;
    });
    await this.queue.requestReconcile();
    return created;
  }

  async update(id: string, input: SourceChangesInput, by: Principal): Promise<SourceView> {
    const actor = actorOf(by);
    const updated = await this.audit.audited(async (db, audit) => {
      const before = await this.sources.findById(id, db);
      if (before === null) throw new NotFoundException(`No source ${id}`);
      const settings = input.settings === undefined ? undefined : this.validSettings(before.kind, input.settings);
      const moved = settings === undefined ? [] : changedEndpoints(before.kind, before.settings, settings);
      if (moved.length > 0 && before.credentialsSealed !== null && input.credentials === undefined) {
        // Credentials are never sent to a host other than the one they were entered for.
        throw new ConflictException(
          `The source's endpoint changes (${moved.join('; ')}): its stored credentials are not sent to another host. ` +
            'Give the credentials again in the same request, or remove them with "credentials": null',
        );
      }
      const changes: SourceChanges = {
        ...(input.name !== undefined && { name: input.name }),
        ...(settings !== undefined && { settings }),
        ...(input.credentials !== undefined &&
          sealCredentials(this.box, validateSourceCredentials(before.kind, input.credentials), id)),
        ...(input.pollSeconds !== undefined && { pollSeconds: input.pollSeconds }),
        ...(input.monthlyReadBudget !== undefined && { monthlyReadBudget: input.monthlyReadBudget }),
        ...(input.enabled !== undefined && { enabled: input.enabled }),
      };
      const after = (await this.sources.update(id, changes, db))!;
      const view = toSourceView(after, null);
      await audit({
        actor,
        action: 'source.updated',
        target: { type: 'source', id },
        before: auditable(toSourceView(before, null)),
        after: { ...auditable(view), credentialsReplaced: input.credentials !== undefined },
      });
      return view;
    });
    await this.queue.requestReconcile();
    return updated;
  }

  async remove(id: string, by: Principal): Promise<void> {
    const actor = actorOf(by);
    await this.audit.audited(async (db, audit) => {
      const before = await this.sources.findById(id, db);
      if (before === null) throw new NotFoundException(`No source ${id}`);
      await this.sources.delete(id, db);
      await audit({
        actor,
        action: 'source.deleted',
        target: { type: 'source', id },
        before: auditable(toSourceView(before, null)),
        after: null,
      });
    });
    await this.queue.requestReconcile();
  }

  /** Polls a source now, outside its schedule: once per enabled query, or once for a feed. */
  async pollNow(id: string): Promise<{ polls: number }> {
    const source = await this.sources.findById(id);
    if (source === null) throw new NotFoundException(`No source ${id}`);
    const spec = SOURCE_KIND_SPECS[source.kind];
    if (spec.run !== 'poll') return { polls: 0 };
    const queryIds =
      spec.scope === 'query'
        ? (await this.queries.list()).filter((query) => query.enabled).map((query) => query.id)
        : [null];
    for (const queryId of queryIds) await this.queue.pollNow({ sourceId: id, queryId });
    return { polls: queryIds.length };
  }
}

/** The audit keeps what changed, not health figures that change by themselves. */
function auditable(view: SourceView): Omit<SourceView, 'health' | 'state' | 'lagSeconds'> {
  const { health: _health, state: _state, lagSeconds: _lag, ...rest } = view;
  return rest;
}
