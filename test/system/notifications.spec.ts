import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { NotificationSender } from '@watchfloor/messaging';
import { notificationChannelSchema } from '@watchfloor/rules';
import type { NotificationChannelInput } from '@watchfloor/rules';
import { anAlertGroup, anAlertSample } from '@watchfloor/rules/testing';
import { DEFAULT_MAX_BODY_BYTES, configureEgress } from '@watchfloor/sources';
import { LOOPBACK_NETWORKS } from '../support/loopback-egress';

jest.setTimeout(30_000);

type ReceivedRequest = { path: string; headers: IncomingHttpHeaders; body: string };
/** An HTTP status to answer with, or `hang` for a receiver that never answers. */
type Answer = number | 'hang';

/** A local HTTP receiver standing in for Slack, Teams or a webhook: records every POST, answers as told per path. */
async function startHttpReceiver() {
  const requests: ReceivedRequest[] = [];
  const answers = new Map<string, Answer[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      // The last answer given for a path repeats; earlier ones are used once each.
      const queued = answers.get(path) ?? [200];
      const answer = queued.length > 1 ? (queued.shift() as Answer) : (queued[0] as Answer);
      if (answer === 'hang') return;
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'invalid_payload');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    answer: (path: string, ...sequence: Answer[]) => answers.set(path, sequence),
    requestsTo: (path: string) => requests.filter((request) => request.path === path),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A local SMTP server that keeps every message it is given, parsed. */
async function startSmtpReceiver() {
  const messages: { mail: ParsedMail; recipients: string[] }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // No certificate here: offering STARTTLS would make the client try TLS and fail.
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push({ mail, recipients: session.envelope.rcptTo.map((recipient) => recipient.address) });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const aChannel = (input: NotificationChannelInput) => notificationChannelSchema.parse(input);

describe('alert notifications to local receivers', () => {
  let http: Awaited<ReturnType<typeof startHttpReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let sender: NotificationSender;

  beforeAll(async () => {
    [http, smtp] = await Promise.all([startHttpReceiver(), startSmtpReceiver()]);
    sender = new NotificationSender({
      smtp: { url: smtp.url, from: 'alerts@watchfloor.example.com' },
      timeoutMs: 2_000,
    });
  });

  afterAll(async () => {
    sender?.close();
    await Promise.all([http?.stop(), smtp?.stop()]);
  });

  it('posts a burst to Slack as one JSON message that counts its mentions', async () => {
    const channel = aChannel({ name: 'Legal on Slack', kind: 'slack', target: { url: http.url('/slack') } });
    await sender.send(channel, anAlertGroup(), 'alert-slack-1');

    const [request, ...others] = http.requestsTo('/slack');
    expect(others).toEqual([]);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '') as { text: string; blocks: unknown[] };
    expect(body.text).toBe('P1 · 37 mentions flagged by “Legal threats” for Legal in 4 min');
    expect(body.blocks.length).toBeGreaterThan(2);
  });

  it('posts an Adaptive Card to Teams and accepts the 202 Teams Workflows answer with', async () => {
    http.answer('/teams', 202);
    const channel = aChannel({ name: 'Legal on Teams', kind: 'teams', target: { url: http.url('/teams') } });
    await sender.send(channel, anAlertGroup(), 'alert-teams-1');

    const [request] = http.requestsTo('/teams');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.2', actions: [{ type: 'Action.OpenUrl' }] },
        },
      ],
    });
  });

  it('delivers a structured CloudEvent to a webhook, with basic auth from the URL and the same id on a retry', async () => {
    http.answer('/events', 503, 200);
    const channel = aChannel({
      name: 'SIEM',
      kind: 'webhook',
      target: { url: `http://siem:s3cret%21@127.0.0.1:${http.port}/events` },
    });
    const group = anAlertGroup({ kind: 'sla-breach', count: 3 });

    await expect(sender.send(channel, group, 'alert-42')).rejects.toThrow(
      'webhook channel "SIEM" answered HTTP 503: invalid_payload',
    );
    await sender.send(channel, group, 'alert-42');

    const deliveries = http.requestsTo('/events');
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) {
      expect(delivery.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(delivery.headers.authorization).toBe(`Basic ${Buffer.from('siem:s3cret!').toString('base64')}`);
    }
    const [first, retry] = deliveries.map((delivery) => JSON.parse(delivery.body) as Record<string, unknown>);
    expect(first).toEqual(retry);
    expect(first).toMatchObject({
      specversion: '1.0',
      id: 'alert-42',
      source: 'https://watchfloor.example.com',
      type: 'io.watchfloor.alert.sla-breach',
      subject: 'rule-legal',
      time: '2026-03-02T09:45:00.000Z',
      datacontenttype: 'application/json',
      data: { count: 3, ruleName: 'Legal threats', teamName: 'Legal', priority: 'P1' },
    });
  });

  it('rejects when the receiver answers 500, naming the channel and the status', async () => {
    http.answer('/broken', 500);
    const channel = aChannel({ name: 'Broken Slack', kind: 'slack', target: { url: http.url('/broken') } });
    await expect(sender.send(channel, anAlertGroup(), 'alert-broken-1')).rejects.toThrow(
      'Slack channel "Broken Slack" answered HTTP 500',
    );
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    http.answer('/hung', 'hang');
    const impatient = new NotificationSender({ timeoutMs: 300 });
    const channel = aChannel({ name: 'Hung webhook', kind: 'webhook', target: { url: http.url('/hung') } });
    const started = Date.now();
    await expect(impatient.send(channel, anAlertGroup(), 'alert-hung-1')).rejects.toThrow(
      'webhook channel "Hung webhook" did not answer within 300 ms',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('e-mails the burst through SMTP with the subject, recipients, sender and escaped HTML', async () => {
    const channel = aChannel({
      name: 'Legal by e-mail',
      kind: 'email',
      target: { to: ['legal@example.com', 'counsel@example.com'] },
    });
    const group = anAlertGroup({
      ruleName: 'Threats <b>& lawsuits</b>',
      samples: [anAlertSample({ text: 'see <script>alert(1)</script>' })],
    });
    await sender.send(channel, group, 'alert-mail-1');
    await sender.send(channel, group, 'alert-mail-1');

    expect(smtp.messages).toHaveLength(2);
    const [{ mail, recipients }, retry] = smtp.messages as [
      (typeof smtp.messages)[number],
      (typeof smtp.messages)[number],
    ];
    expect(recipients).toEqual(['legal@example.com', 'counsel@example.com']);
    expect(mail.subject).toBe(
      '[Watchfloor] P1 · 37 mentions flagged by “Threats <b>& lawsuits</b>” for Legal in 4 min',
    );
    expect(mail.from?.value.map((address) => address.address)).toEqual(['alerts@watchfloor.example.com']);
    const to = Array.isArray(mail.to) ? mail.to.flatMap((header) => header.value) : (mail.to?.value ?? []);
    expect(to.map((address) => address.address)).toEqual(['legal@example.com', 'counsel@example.com']);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Threats &lt;b&gt;&amp; lawsuits&lt;/b&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('see <script>alert(1)</script>');
    expect(mail.messageId).toMatch(/@watchfloor\.example\.com>$/);
    expect(retry.mail.messageId).toBe(mail.messageId);
  });

  it('rejects an e-mail the SMTP server cannot take, naming the server but not its password', async () => {
    const closed = await startSmtpReceiver();
    await closed.stop();
    const unreachable = new NotificationSender({
      smtp: { url: closed.url.replace('smtp://', 'smtp://alerts:hunter2@'), from: 'alerts@watchfloor.example.com' },
      timeoutMs: 2_000,
    });
    const channel = aChannel({ name: 'Legal by e-mail', kind: 'email', target: { to: ['legal@example.com'] } });
    const sending = unreachable.send(channel, anAlertGroup(), 'alert-mail-3');
    await expect(sending).rejects.toThrow(
      `e-mail channel "Legal by e-mail" could not be sent through SMTP at ${new URL(closed.url).host}`,
    );
    await expect(sending).rejects.not.toThrow('hunter2');
  });

  it('refuses a webhook on a private address at send time, without the receiver hearing of it or the URL in the error', async () => {
    const channel = aChannel({
      name: 'Internal hook',
      kind: 'webhook',
      target: { url: `http://127.0.0.1:${http.port}/internal?token=s3cret` },
    });
    configureEgress({ allowNetworks: [], maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
    try {
      const sending = sender.send(channel, anAlertGroup(), 'alert-private-1');
      await expect(sending).rejects.toThrow(
        /^webhook channel "Internal hook" was not sent: its URL was refused: it points at 127\.0\.0\.1, a loopback address.*EGRESS_ALLOW_NETWORKS/,
      );
      await expect(sending).rejects.not.toThrow(String(http.port));
    } finally {
      configureEgress({ allowNetworks: LOOPBACK_NETWORKS.split(','), maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
    }
    expect(http.requestsTo('/internal?token=s3cret')).toEqual([]);
  });

  it('refuses an e-mail channel when no SMTP server is configured, saying which settings to set', async () => {
    const withoutSmtp = new NotificationSender({});
    const channel = aChannel({ name: 'Legal by e-mail', kind: 'email', target: { to: ['legal@example.com'] } });
    await expect(withoutSmtp.send(channel, anAlertGroup(), 'alert-mail-2')).rejects.toThrow(
      'SMTP is not configured: set SMTP_URL and SMTP_FROM',
    );
  });
});
