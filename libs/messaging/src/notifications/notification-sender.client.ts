import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { EgressRefusedError, RemoteBodyTooLargeError, egressFetch, readBoundedText } from '@watchfloor/sources';
import { alertCloudEvent, alertEmail, slackMessage, teamsMessage } from '@watchfloor/rules';
import type {
  AlertGroup,
  EmailNotificationChannel,
  NotificationChannel,
  NotificationChannelKind,
} from '@watchfloor/rules';

export type SmtpSettings = { url: string; from: string };

export type NotificationSenderOptions = {
  /** Absent: e-mail channels fail, saying how to configure them. */
  smtp?: SmtpSettings;
  /** Longest a delivery may take, answer or SMTP conversation included; default 10 s. */
  timeoutMs?: number;
};

/** The media type the CloudEvents HTTP binding gives a structured-mode event. */
export const CLOUD_EVENT_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/**
 * Slack and Teams answer within a second or two; ten seconds outlasts a slow receiver without
 * holding a worker's slot for long, and the queue retries what timed out.
 */
const DEFAULT_TIMEOUT_MS = 10_000;

/** Delivers grouped alerts to the channels admins set up: Slack, Teams, a CloudEvents webhook, e-mail. */
export class NotificationSender {
  private readonly timeoutMs: number;
  private readonly mail?: { transport: ReturnType<typeof createTransport>; from: string; server: string };

  constructor(options: NotificationSenderOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (options.smtp) {
      this.mail = {
        transport: createTransport({
          url: options.smtp.url,
          connectionTimeout: this.timeoutMs,
          greetingTimeout: this.timeoutMs,
          socketTimeout: this.timeoutMs,
        }),
        from: options.smtp.from,
        server: describeSmtpServer(options.smtp.url),
      };
    }
  }

  /**
   * Delivers one alert group to one channel, or throws naming the channel and what went wrong so
   * that the caller's queue retries. Give a retry the same `eventId`: it is the webhook event's id
   * and the e-mail's Message-ID, by which receivers recognise and drop a second copy.
   */
  async send(channel: NotificationChannel, group: AlertGroup, eventId: string): Promise<void> {
    switch (channel.kind) {
      case 'slack':
        return this.post(channel, channel.target.url, slackMessage(group), 'application/json');
      case 'teams':
        return this.post(channel, channel.target.url, teamsMessage(group), 'application/json');
      case 'webhook': {
        const event = alertCloudEvent(group, { id: eventId, source: eventSource(group.consoleUrl) });
        return this.post(channel, channel.target.url, event, CLOUD_EVENT_CONTENT_TYPE);
      }
      case 'email':
        return this.sendEmail(channel, group, eventId);
    }
  }

  /** Lets a process that stops close an open SMTP connection. */
  close(): void {
    this.mail?.transport.close();
  }

  private async post(channel: NotificationChannel, target: string, body: unknown, contentType: string): Promise<void> {
    const { url, authorization } = withoutCredentials(target);
    let response: Awaited<ReturnType<typeof egressFetch>>;
    try {
      // Through the egress guard: a channel URL on a private or metadata address is refused as it connects.
      response = await egressFetch(url, {
        method: 'POST',
        headers: { 'content-type': contentType, ...(authorization !== undefined && { authorization }) },
        body: JSON.stringify(body),
        // A receiver that moved must be set up anew: following would turn the POST into a GET elsewhere.
        maxRedirects: 0,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (error instanceof EgressRefusedError) {
        throw new Error(`${describeChannel(channel)} was not sent: ${refusalWithoutUrl(error)}`, { cause: error });
      }
      const what = isTimeout(error)
        ? `did not answer within ${this.timeoutMs} ms`
        : `could not be reached: ${reason(error)}`;
      throw new Error(`${describeChannel(channel)} ${what}`, { cause: error });
    }
    if (response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    throw new Error(`${describeChannel(channel)} answered HTTP ${response.status}${await answerExcerpt(response)}`);
  }

  private async sendEmail(channel: EmailNotificationChannel, group: AlertGroup, eventId: string): Promise<void> {
    if (!this.mail) {
      throw new Error(`${describeChannel(channel)} cannot send: SMTP is not configured: set SMTP_URL and SMTP_FROM`);
    }
    const { subject, text, html } = alertEmail(group);
    try {
      await this.mail.transport.sendMail({
        from: this.mail.from,
        to: channel.target.to,
        subject,
        text,
        html,
        messageId: messageIdFor(eventId, this.mail.from),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const what = isTimeout(error) ? `did not finish within ${this.timeoutMs} ms` : reason(error);
      throw new Error(`${describeChannel(channel)} could not be sent through SMTP at ${this.mail.server}: ${what}`, {
        cause: error,
      });
    }
  }
}

/** By name and kind only: a Slack or Teams URL is itself the secret, and errors end up in logs. */
function describeChannel(channel: NotificationChannel): string {
  return `${KIND_NAMES[channel.kind]} channel "${channel.name}"`;
}

const KIND_NAMES: Record<NotificationChannelKind, string> = {
  slack: 'Slack',
  teams: 'Teams',
  webhook: 'webhook',
  email: 'e-mail',
};

/** fetch refuses URLs with credentials; a webhook's user and password go as basic auth instead. */
function withoutCredentials(target: string): { url: string; authorization?: string } {
  const url = new URL(target);
  if (url.username === '' && url.password === '') return { url: url.href };
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { url: url.href, authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** The install the alert comes from (its public address), so ids of two installs never collide at one receiver. */
function eventSource(consoleUrl: string): string {
  try {
    return new URL(consoleUrl).origin;
  } catch {
    return '/watchfloor';
  }
}

/** The same for every retry of one event: mail stores that see a Message-ID twice keep one copy. */
function messageIdFor(eventId: string, from: string): string {
  const domain = /@([^@\s>]+)>?\s*$/.exec(from)?.[1] ?? 'watchfloor.invalid';
  return `<alert.${createHash('sha256').update(eventId).digest('hex').slice(0, 32)}@${domain}>`;
}

/** Host and port only: the URL may carry the SMTP password. */
function describeSmtpServer(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
}

/** Slack and Teams say what is wrong in the first bytes of the body ("invalid_payload", "no_service"). */
async function answerExcerpt(response: Awaited<ReturnType<typeof egressFetch>>): Promise<string> {
  try {
    const text = (await readBoundedText(response, response.url, ANSWER_EXCERPT_BYTES)).replace(/\s+/g, ' ').trim();
    return text === '' ? '' : `: ${text.slice(0, 200)}`;
  } catch (error) {
    return error instanceof RemoteBodyTooLargeError ? ' (with an answer too long to quote)' : '';
  }
}

/** An answer we only quote 200 characters of is not read past this. */
const ANSWER_EXCERPT_BYTES = 16 * 1024;

/**
 * The refusal without the URL: a Slack or Teams URL is itself the secret. The address it pointed
 * at and the setting to change stay.
 */
function refusalWithoutUrl(error: EgressRefusedError): string {
  return error.message.split(error.url).join('its URL');
}

/**
 * Read by shape, not `instanceof Error`: AbortSignal.timeout rejects with a DOMException, which
 * is not an Error in every realm (Jest's, for one).
 */
function asError(value: unknown): { name: string; message: string; cause?: unknown } | undefined {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string'
    ? (value as { name: string; message: string; cause?: unknown })
    : undefined;
}

function isTimeout(error: unknown): boolean {
  return asError(error)?.name === 'TimeoutError' || asError(asError(error)?.cause)?.name === 'TimeoutError';
}

/** fetch rejects with "fetch failed"; its cause says why (ECONNREFUSED, a DNS failure...). */
function reason(error: unknown): string {
  const failure = asError(error);
  if (!failure) return String(error);
  const cause = asError(failure.cause);
  return cause ? `${failure.message}: ${cause.message}` : failure.message;
}
