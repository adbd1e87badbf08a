import type { SendAlertJob } from '@watchfloor/contracts';
import type { NotificationSender } from '@watchfloor/messaging';
import type { NotificationRepository } from '@watchfloor/persistence';
import type { NotificationChannel } from '@watchfloor/rules';

/** Sends one grouped alert message; the job id is the CloudEvent id, the same on every retry. */
export class AlertSender {
  constructor(
    private readonly channels: NotificationRepository,
    private readonly sender: NotificationSender,
    private readonly consoleUrl: string,
  ) {}

  async send(messageId: string, alert: SendAlertJob): Promise<void> {
    const channel = await this.channels.findChannel(alert.channelId);
    // Removed since the alert gathered: nobody to tell.
    if (channel === null) return;
    const { channelId: _channelId, ...group } = alert;
    await this.sender.send(channel as NotificationChannel, { ...group, consoleUrl: this.consoleUrl }, messageId);
  }
}
