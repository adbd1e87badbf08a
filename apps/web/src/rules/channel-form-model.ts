import type { ChannelKind } from './channel-types';

export interface ChannelFormState {
  name: string;
  kind: ChannelKind;
  /** A URL for slack, teams and webhook; comma-separated e-mail addresses for email. */
  target: string;
}

export type ChannelFormResult = { ok: true; channel: ChannelFormState } | { ok: false; problems: string[] };

export function emptyChannelForm(): ChannelFormState {
  return { name: '', kind: 'slack', target: '' };
}

/** What the target field asks for, by kind. */
export function targetLabel(kind: ChannelKind): string {
  switch (kind) {
    case 'slack':
      return 'Slack incoming-webhook URL';
    case 'teams':
      return 'Teams incoming-webhook URL';
    case 'webhook':
      return 'Webhook URL (https)';
    case 'email':
      return 'Recipients (comma-separated)';
  }
}

/** The channel to send, trimmed, or the obvious mistakes in it; the server checks the rest. */
export function channelFromForm(form: ChannelFormState): ChannelFormResult {
  const problems: string[] = [];
  const name = form.name.trim();
  if (name === '') problems.push('Give the channel a name');
  const target = form.kind === 'email' ? recipients(form.target) : form.target.trim();
  if (target === '') problems.push(form.kind === 'email' ? 'Name at least one recipient' : 'Fill in the URL');
  else if (form.kind === 'email') {
    const wrong = target.split(', ').filter((address) => !/^[^\s@]+@[^\s@]+$/.test(address));
    if (wrong.length > 0) problems.push(`Not an e-mail address: ${wrong.join(', ')}`);
  } else if (!isWebUrl(target)) {
    problems.push('The URL must start with https:// (or http:// for a local test receiver)');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, channel: { name, kind: form.kind, target } };
}

function recipients(text: string): string {
  return text
    .split(/[\s,;]+/)
    .filter((address) => address !== '')
    .join(', ');
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
