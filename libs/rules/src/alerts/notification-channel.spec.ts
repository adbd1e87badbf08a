import { notificationChannelSchema } from './notification-channel';
import type { NotificationChannelInput } from './notification-channel';

const problems = (input: unknown): string[] => {
  const parsed = notificationChannelSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

const aWebhookChannel = (url: string): NotificationChannelInput => ({
  name: 'Receiver',
  kind: 'webhook',
  target: { url },
});

describe('notificationChannelSchema', () => {
  it('accepts a Slack channel on https and trims its name', () => {
    const channel = notificationChannelSchema.parse({
      name: '  Legal on Slack ',
      kind: 'slack',
      target: { url: 'https://hooks.slack.com/services/T000/B000/XXXX' },
    });
    expect(channel).toEqual({
      name: 'Legal on Slack',
      kind: 'slack',
      target: { url: 'https://hooks.slack.com/services/T000/B000/XXXX' },
    });
  });

  it('accepts plain http only to this machine', () => {
    expect(problems(aWebhookChannel('http://127.0.0.1:8080/alerts'))).toEqual([]);
    expect(problems(aWebhookChannel('http://localhost/alerts'))).toEqual([]);
    expect(problems(aWebhookChannel('http://hooks.example.com/alerts'))).toEqual([
      'target.url: must be an https:// URL (http:// only to localhost or 127.0.0.1)',
    ]);
  });

  it('refuses other schemes and text that is not a URL', () => {
    expect(problems(aWebhookChannel('ftp://example.com/alerts'))).toHaveLength(1);
    expect(problems(aWebhookChannel('javascript:alert(1)'))).toHaveLength(1);
    expect(problems(aWebhookChannel('hooks.example.com/alerts'))).toEqual([
      'target.url: must be a URL, e.g. https://hooks.example.com/alerts',
    ]);
  });

  it('lets a generic webhook carry credentials but not a Slack or Teams URL', () => {
    expect(problems(aWebhookChannel('https://alerts:s3cret@receiver.example.com/events'))).toEqual([]);
    expect(
      problems({ name: 'Teams', kind: 'teams', target: { url: 'https://user:pass@example.webhook.office.com/x' } }),
    ).toEqual(['target.url: may not contain a user or password']);
  });

  it('takes one to twenty valid e-mail addresses for an e-mail channel', () => {
    expect(problems({ name: 'Legal', kind: 'email', target: { to: ['legal@example.com'] } })).toEqual([]);
    expect(problems({ name: 'Legal', kind: 'email', target: { to: [] } })).toEqual([
      'target.to: an e-mail channel needs at least one address',
    ]);
    expect(problems({ name: 'Legal', kind: 'email', target: { to: ['legal at example'] } })).toEqual([
      'target.to.0: must be an e-mail address, e.g. legal@example.com',
    ]);
    const many = Array.from({ length: 21 }, (_, index) => `person${index}@example.com`);
    expect(problems({ name: 'Legal', kind: 'email', target: { to: many } })).toHaveLength(1);
  });

  it('requires the target that fits the kind, and a name of 1 to 100 characters', () => {
    expect(problems({ name: 'Legal', kind: 'email', target: { url: 'https://example.com' } })).not.toEqual([]);
    expect(problems({ name: 'Slack', kind: 'slack', target: { to: ['a@example.com'] } })).not.toEqual([]);
    expect(problems({ name: ' ', kind: 'slack', target: { url: 'https://hooks.slack.com/x' } })).toEqual([
      'name: a channel needs a name',
    ]);
    expect(problems({ name: 'x'.repeat(101), kind: 'slack', target: { url: 'https://hooks.slack.com/x' } })).toEqual([
      'name: a channel name is at most 100 characters',
    ]);
    expect(problems({ name: 'Pager', kind: 'pager', target: { url: 'https://example.com' } })).not.toEqual([]);
  });
});
