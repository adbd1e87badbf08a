import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SecretBox } from '@watchfloor/access';
import type { TriagePriority } from '@watchfloor/contracts';
import { MAX_ALERT_SAMPLES } from '@watchfloor/rules';
import type { Queryable } from '../data-source';
import { changedRows } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';

export type ChannelKind = 'slack' | 'teams' | 'webhook' | 'email';

export interface NotificationChannelRecord {
  id: string;
  name: string;
  kind: ChannelKind;
  target: { url: string } | { to: string[] };
}

/** One alert to add to its channel's pending group. */
export interface AlertNote {
  channelId: string;
  ruleId: string;
  kind: 'flagged' | 'sla-breach';
  ruleName: string;
  teamName: string;
  priority: TriagePriority;
  at: string;
  sample: { itemId: string; author: string; text: string; url: string; priority: TriagePriority };
}

export interface PendingAlertGroup {
  channelId: string;
  ruleId: string;
  kind: 'flagged' | 'sla-breach';
  ruleName: string;
  teamName: string;
  priority: TriagePriority;
  pending: number;
  firstAt: string;
  lastAt: string;
  lastSentAt: string | null;
  /** Messages sent on this key so far: with the key, it names the next message (its idempotency). */
  sent: number;
  samples: AlertNote['sample'][];
}

export class ChannelNameTakenError extends Error {
  constructor(readonly channelName: string) {
    super(`a channel named "${channelName}" already exists`);
  }
}

export class ChannelsUnavailableError extends Error {}

/** Notification channels (their targets sealed: a webhook URL is a credential) and the alerts waiting for them. */
export class NotificationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox | null,
  ) {}

  async listChannels(): Promise<NotificationChannelRecord[]> {
    const rows = await this.dataSource.query<{ id: string; name: string; kind: ChannelKind; target_sealed: string }[]>(
      `SELECT id, name, kind, target_sealed FROM notification_channel ORDER BY name`,
    );
    return Promise.all(rows.map((row) => this.open(row)));
  }

  async findChannel(id: string): Promise<NotificationChannelRecord | null> {
    const rows = await this.dataSource.query<{ id: string; name: string; kind: ChannelKind; target_sealed: string }[]>(
      `SELECT id, name, kind, target_sealed FROM notification_channel WHERE id = $1`,
      [id],
    );
    return rows[0] === undefined ? null : await this.open(rows[0]);
  }

  async channelIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM notification_channel WHERE id::text = ANY($1::text[])`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  async createChannel(
    channel: Omit<NotificationChannelRecord, 'id'>,
    db: Queryable,
  ): Promise<NotificationChannelRecord> {
    const box = this.requireBox();
    // Chosen here rather than by the database: the sealed target is bound to its row's id.
    const id = randomUUID();
    try {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO notification_channel (id, name, kind, target_sealed) VALUES ($1, $2, $3, $4) RETURNING id`,
        [id, channel.name, channel.kind, box.seal(JSON.stringify(channel.target), channelTargetContext(id))],
      );
      return { id: row!.id, ...channel };
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new ChannelNameTakenError(channel.name);
      throw error;
    }
  }

  async removeChannel(id: string, db: Queryable): Promise<{ id: string; name: string } | null> {
    const [row] = await changedRows<{ id: string; name: string }>(
      db,
      `DELETE FROM notification_channel WHERE id = $1 RETURNING id, name`,
      [id],
    );
    return row ?? null;
  }

  /** Adds alerts to their groups: one statement for the lot, counts added, the newest samples kept. */
  async gather(notes: readonly AlertNote[], db: Queryable = this.dataSource): Promise<void> {
    if (notes.length === 0) return;
    const merged = new Map<
      string,
      { note: AlertNote; count: number; firstAt: string; samples: AlertNote['sample'][] }
    >();
    for (const note of notes) {
      const key = `${note.channelId}|${note.ruleId}|${note.kind}`;
      const group = merged.get(key) ?? { note, count: 0, firstAt: note.at, samples: [] };
      group.count += 1;
      group.note = note;
      group.samples = [note.sample, ...group.samples].slice(0, MAX_ALERT_SAMPLES);
      merged.set(key, group);
    }
    await db.query(
      `INSERT INTO alert_group AS g (channel_id, rule_id, kind, rule_name, team_name, priority, pending, first_at, last_at, samples)
       SELECT x.channel_id, x.rule_id, x.kind, x.rule_name, x.team_name, x.priority, x.pending, x.first_at, x.last_at, x.samples
       FROM jsonb_to_recordset($1::jsonb) AS x(channel_id uuid, rule_id text, kind text, rule_name text, team_name text,
            priority text, pending integer, first_at timestamptz, last_at timestamptz, samples jsonb)
       WHERE EXISTS (SELECT 1 FROM notification_channel c WHERE c.id = x.channel_id)
       ON CONFLICT (channel_id, rule_id, kind) DO UPDATE SET
         pending = g.pending + excluded.pending,
         first_at = coalesce(g.first_at, excluded.first_at),
         last_at = excluded.last_at,
         rule_name = excluded.rule_name,
         team_name = excluded.team_name,
         priority = least(g.priority, excluded.priority),
         samples = (SELECT coalesce(jsonb_agg(s), '[]') FROM (
           SELECT s FROM jsonb_array_elements(excluded.samples || g.samples) s LIMIT ${MAX_ALERT_SAMPLES}) k)`,
      [
        toJsonbParameter(
          [...merged.values()].map(({ note, count, firstAt, samples }) => ({
            channel_id: note.channelId,
            rule_id: note.ruleId,
            kind: note.kind,
            rule_name: note.ruleName,
            team_name: note.teamName,
            priority: note.priority,
            pending: count,
            first_at: firstAt,
            last_at: note.at,
            samples,
          })),
        ),
      ],
    );
  }

  /** Groups with alerts waiting, locked for the caller's transaction (another worker's sweep skips them). */
  async lockPending(db: Queryable): Promise<PendingAlertGroup[]> {
    const rows = await db.query<Record<string, unknown>[]>(
      `SELECT channel_id, rule_id, kind, rule_name, team_name, priority, pending, first_at, last_at, last_sent_at, sent, samples
       FROM alert_group WHERE pending > 0 FOR UPDATE SKIP LOCKED`,
    );
    return rows.map((row) => ({
      channelId: row['channel_id'] as string,
      ruleId: row['rule_id'] as string,
      kind: row['kind'] as PendingAlertGroup['kind'],
      ruleName: row['rule_name'] as string,
      teamName: row['team_name'] as string,
      priority: row['priority'] as TriagePriority,
      pending: row['pending'] as number,
      firstAt: (row['first_at'] as Date).toISOString(),
      lastAt: (row['last_at'] as Date).toISOString(),
      lastSentAt: row['last_sent_at'] instanceof Date ? row['last_sent_at'].toISOString() : null,
      sent: row['sent'] as number,
      samples: row['samples'] as AlertNote['sample'][],
    }));
  }

  /** The group's alerts went into a message: start gathering the next one. */
  async markSent(
    group: Pick<PendingAlertGroup, 'channelId' | 'ruleId' | 'kind'>,
    at: Date,
    db: Queryable,
  ): Promise<void> {
    await db.query(
      `UPDATE alert_group SET pending = 0, first_at = NULL, samples = '[]', last_sent_at = $4, sent = sent + 1
       WHERE channel_id = $1 AND rule_id = $2 AND kind = $3`,
      [group.channelId, group.ruleId, group.kind, at],
    );
  }

  private async open(row: {
    id: string;
    name: string;
    kind: ChannelKind;
    target_sealed: string;
  }): Promise<NotificationChannelRecord> {
    const box = this.requireBox();
    const context = channelTargetContext(row.id);
    const { plaintext, stale } = box.openSealed(row.target_sealed, context);
    if (stale) {
      // Sealed before targets were bound to their row: bound now, once, unless changed meanwhile.
      await this.dataSource.query(
        `UPDATE notification_channel SET target_sealed = $2 WHERE id = $1 AND target_sealed = $3`,
        [row.id, box.seal(plaintext, context), row.target_sealed],
      );
    }
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      target: JSON.parse(plaintext) as NotificationChannelRecord['target'],
    };
  }

  private requireBox(): SecretBox {
    if (this.box === null) {
      throw new ChannelsUnavailableError(
        'WATCHFLOOR_SECRET_KEY is not set, so notification channels (whose URLs are secrets) cannot be stored or read: set it (`openssl rand -hex 32`) and restart',
      );
    }
    return this.box;
  }
}

/** What a channel's sealed target is bound to: this row, this column. */
function channelTargetContext(id: string): string {
  return `notification_channel:${id}:target`;
}
