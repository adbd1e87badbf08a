import { z } from 'zod';

/**
 * Plain http is allowed only to this machine: for local testing and for on-prem receivers behind a
 * local relay. Anywhere else an alert (and a Slack or Teams URL, which is itself the secret) would
 * cross the network readable by anyone on the path.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Where a channel POSTs to. `allowCredentials`: only a generic webhook may carry a user and password (sent as basic auth). */
const receiverUrl = ({ allowCredentials }: { allowCredentials: boolean }) =>
  z
    .string()
    .trim()
    .max(2_000, 'a URL is at most 2000 characters')
    .superRefine((value, context) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a URL, e.g. https://hooks.example.com/alerts' });
        return;
      }
      const plainHttpToThisMachine = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
      if (url.protocol !== 'https:' && !plainHttpToThisMachine) {
        context.addIssue({
          code: 'custom',
          message: 'must be an https:// URL (http:// only to localhost or 127.0.0.1)',
        });
      }
      if (!allowCredentials && (url.username !== '' || url.password !== '')) {
        context.addIssue({ code: 'custom', message: 'may not contain a user or password' });
      }
    });

const name = z.string().trim().min(1, 'a channel needs a name').max(100, 'a channel name is at most 100 characters');

const chatTarget = z.object({ url: receiverUrl({ allowCredentials: false }) });

/** A place alerts go to, as an admin sets it up. */
export const notificationChannelSchema = z.discriminatedUnion('kind', [
  z.object({ name, kind: z.literal('slack'), target: chatTarget }),
  z.object({ name, kind: z.literal('teams'), target: chatTarget }),
  /** Any receiver of CloudEvents 1.0 (structured JSON). */
  z.object({ name, kind: z.literal('webhook'), target: z.object({ url: receiverUrl({ allowCredentials: true }) }) }),
  z.object({
    name,
    kind: z.literal('email'),
    target: z.object({
      to: z
        .array(z.email('must be an e-mail address, e.g. legal@example.com'))
        .min(1, 'an e-mail channel needs at least one address')
        .max(20, 'an e-mail channel has at most 20 addresses: use a mailing list for more'),
    }),
  }),
]);

/** As an admin sends it (before trimming). */
export type NotificationChannelInput = z.input<typeof notificationChannelSchema>;
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;
/** Stored with each channel: never rename a value. */
export type NotificationChannelKind = NotificationChannel['kind'];
export type ChatNotificationChannel = Extract<NotificationChannel, { kind: 'slack' | 'teams' }>;
export type WebhookNotificationChannel = Extract<NotificationChannel, { kind: 'webhook' }>;
export type EmailNotificationChannel = Extract<NotificationChannel, { kind: 'email' }>;
