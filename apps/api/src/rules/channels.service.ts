import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { AppConfig } from '@watchfloor/config';
import { NotificationSender } from '@watchfloor/messaging';
import { APP_CONFIG } from '@watchfloor/nest-runtime';
import { AuditRepository, NotificationRepository } from '@watchfloor/persistence';
import type { NotificationChannelRecord } from '@watchfloor/persistence';
import type { NotificationChannel } from '@watchfloor/rules';
import { EgressRefusedError, assertHostAllowed } from '@watchfloor/sources';

/**
 * A receiver on a private, loopback or metadata address is refused when it is saved, not only
 * when the first alert would go out. A host that does not resolve now is saved: DNS may be down
 * for a moment, and every send checks again as it connects.
 */
async function assertTargetReachable(channel: NotificationChannel): Promise<void> {
  if (!('url' in channel.target)) return;
  try {
    await assertHostAllowed(new URL(channel.target.url).hostname, 'the URL');
  } catch (error) {
    if (!(error instanceof EgressRefusedError)) return;
    throw new BadRequestException({ message: 'Invalid channel', problems: [`target.url: ${error.message}`] });
  }
}

/** A channel as listed: people who may not manage channels see where it goes, not its secret URL. */
export interface ChannelView {
  id: string;
  name: string;
  kind: NotificationChannel['kind'];
  target: { url: string } | { to: string[] } | { host: string };
}

@Injectable()
export class ChannelsService {
  private readonly sender: NotificationSender;

  constructor(
    private readonly channels: NotificationRepository,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sender = new NotificationSender({ ...(config.smtp !== undefined && { smtp: config.smtp }) });
  }

  async list(showTargets: boolean): Promise<ChannelView[]> {
    const channels = await this.channels.listChannels();
    return channels.map((channel) => (showTargets ? channel : redacted(channel)));
  }

  async create(channel: NotificationChannel, by: Principal): Promise<ChannelView> {
    await assertTargetReachable(channel);
    return this.audit.audited(async (db, audit) => {
      const created = await this.channels.createChannel(channel, db);
      // The target is a secret: the audit log names the channel, not its URL.
      await audit({
        actor: actorOf(by),
        action: 'channel.created',
        target: { type: 'notification-channel', id: created.id },
        before: null,
        after: redacted(created),
      });
      return created;
    });
  }

  remove(id: string, by: Principal): Promise<void> {
    return this.audit.audited(async (db, audit) => {
      const removed = await this.channels.removeChannel(id, db);
      if (removed === null) throw new NotFoundException(`No notification channel ${id}`);
      await audit({
        actor: actorOf(by),
        action: 'channel.removed',
        target: { type: 'notification-channel', id },
        before: removed,
        after: null,
      });
    });
  }

  /** Sends a sample alert now, so whoever set the channel up sees it arrive (or why it did not). */
  async test(id: string): Promise<{ sent: true }> {
    const channel = await this.channels.findChannel(id);
    if (channel === null) throw new NotFoundException(`No notification channel ${id}`);
    const now = new Date().toISOString();
    await this.sender.send(
      channel as NotificationChannel,
      {
        kind: 'flagged',
        ruleId: 'test',
        ruleName: 'Test alert',
        teamName: 'Watchfloor',
        priority: 'P4',
        count: 1,
        firstAt: now,
        lastAt: now,
        samples: [],
        consoleUrl: `${this.config.publicUrl}/console`,
      },
      `test-${id}-${Date.now()}`,
    );
    return { sent: true };
  }
}

function redacted(channel: NotificationChannelRecord): ChannelView {
  if ('to' in channel.target) return channel;
  return { ...channel, target: { host: new URL(channel.target.url).host } };
}
