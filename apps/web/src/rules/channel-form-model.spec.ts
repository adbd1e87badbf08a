import { channelFromForm, emptyChannelForm } from './channel-form-model';
import type { ChannelFormState } from './channel-form-model';

function aChannelForm(overrides: Partial<ChannelFormState> = {}): ChannelFormState {
  return {
    ...emptyChannelForm(),
    name: 'PR on Slack',
    target: 'https://hooks.slack.com/services/T0/B0/x',
    ...overrides,
  };
}

describe('channel form model', () => {
  it('sends a webhook channel trimmed', () => {
    expect(channelFromForm(aChannelForm({ name: ' PR ', target: ' https://example.test/hook ' }))).toEqual({
      ok: true,
      channel: { name: 'PR', kind: 'slack', target: 'https://example.test/hook' },
    });
  });

  it('tidies e-mail recipients into one comma-separated list', () => {
    const result = channelFromForm(aChannelForm({ kind: 'email', target: 'a@x.test;b@y.test\n c@z.test,' }));

    expect(result).toEqual({
      ok: true,
      channel: { name: 'PR on Slack', kind: 'email', target: 'a@x.test, b@y.test, c@z.test' },
    });
  });

  it('refuses a missing name, a URL that is not one and a recipient that is not an address', () => {
    expect(channelFromForm(aChannelForm({ name: '', kind: 'webhook', target: 'hooks.example.test' }))).toEqual({
      ok: false,
      problems: ['Give the channel a name', 'The URL must start with https:// (or http:// for a local test receiver)'],
    });
    expect(channelFromForm(aChannelForm({ kind: 'email', target: 'a@x.test, pr-team' }))).toEqual({
      ok: false,
      problems: ['Not an e-mail address: pr-team'],
    });
    expect(channelFromForm(aChannelForm({ kind: 'teams', target: '  ' }))).toEqual({
      ok: false,
      problems: ['Fill in the URL'],
    });
  });
});
