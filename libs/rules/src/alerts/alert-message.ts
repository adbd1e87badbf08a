import type { Priority } from '../rule-definition';

/** Stored and sent as the CloudEvent type's last word: never rename a value. */
export type AlertKind = 'flagged' | 'sla-breach';

export type AlertSample = { itemId: string; author: string; text: string; url: string; priority: Priority };

/**
 * One burst of alerts of one rule for one team. A burst is sent as one message with counts, never
 * one message per mention: forty pings in four minutes teach people to mute the channel.
 */
export type AlertGroup = {
  kind: AlertKind;
  ruleId: string;
  ruleName: string;
  teamName: string;
  priority: Priority;
  /** Mentions in the burst; `samples` shows a few of them. */
  count: number;
  /** ISO 8601 times of the burst's first and last mention. */
  firstAt: string;
  lastAt: string;
  /** At most {@link MAX_ALERT_SAMPLES}; more are left out of the messages. */
  samples: AlertSample[];
  /** Where the team opens the burst in Watchfloor. */
  consoleUrl: string;
};

export const MAX_ALERT_SAMPLES = 5;
/** A post's first 280 characters (a full tweet) say what it is about; the console has the rest. */
const SAMPLE_TEXT_LIMIT = 280;

/** "P1 · 37 mentions flagged by “Legal threats” for Legal in 4 min": what every message leads with. */
export function alertHeadline(group: AlertGroup): string {
  const mentions = `${group.count} ${group.count === 1 ? 'mention' : 'mentions'}`;
  return `${group.priority} · ${mentions} ${whatHappened(group)} for ${group.teamName}${burstSpan(group)}`;
}

function whatHappened(group: AlertGroup): string {
  switch (group.kind) {
    case 'flagged':
      return `flagged by “${group.ruleName}”`;
    case 'sla-breach':
      return `past the reply deadline of “${group.ruleName}”`;
  }
}

function burstSpan(group: AlertGroup): string {
  const minutes = (Date.parse(group.lastAt) - Date.parse(group.firstAt)) / 60_000;
  if (group.count < 2 || !(minutes >= 0)) return '';
  if (minutes < 1) return ' in under 1 min';
  if (minutes < 120) return ` in ${Math.round(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return ` in ${hours} h${rest > 0 ? ` ${rest} min` : ''}`;
}

function shownSamples(group: AlertGroup): AlertSample[] {
  return group.samples.slice(0, MAX_ALERT_SAMPLES);
}

function notShownCount(group: AlertGroup): number {
  return Math.max(0, group.count - shownSamples(group).length);
}

/** One line, cut on a character (not inside an emoji's surrogate pair). */
function sampleText(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length <= SAMPLE_TEXT_LIMIT
    ? characters.join('')
    : `${characters.slice(0, SAMPLE_TEXT_LIMIT - 1).join('')}…`;
}

/** "2026-03-02 09:41 UTC", or the text as given if it is not a time. */
function utcMinute(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Post links come from the platforms: only http(s) ones become links, never `javascript:` and the like. */
function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Slack incoming webhook: `text` is the notification and fallback, `blocks` the message.

type SlackMrkdwn = { type: 'mrkdwn'; text: string };
export type SlackBlock = { type: 'section'; text: SlackMrkdwn } | { type: 'context'; elements: SlackMrkdwn[] };
export type SlackMessage = { text: string; blocks: SlackBlock[] };

/**
 * Slack reads `&`, `<` and `>` as control characters (`<!channel>`, `<url|label>`) and asks for
 * exactly these three to be escaped: without it a post could ping the whole channel or forge a link.
 */
function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slackLink(url: string, label: string): string {
  return isWebUrl(url) ? `<${escapeSlackText(url).replace(/\|/g, '%7C')}|${escapeSlackText(label)}>` : '';
}

/** Shown in each reader's own time zone; the fallback is for clients that cannot. */
function slackTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return escapeSlackText(iso);
  return `<!date^${Math.floor(time / 1000)}^{date_short_pretty} {time}|${utcMinute(iso)}>`;
}

const mrkdwn = (text: string): SlackMrkdwn => ({ type: 'mrkdwn', text });

export function slackMessage(group: AlertGroup): SlackMessage {
  const headline = escapeSlackText(alertHeadline(group));
  const more = notShownCount(group);
  return {
    text: headline,
    blocks: [
      { type: 'section', text: mrkdwn(`*${headline}*`) },
      { type: 'context', elements: [mrkdwn(`First ${slackTime(group.firstAt)} · last ${slackTime(group.lastAt)}`)] },
      ...shownSamples(group).map((sample): SlackBlock => ({
        type: 'section',
        text: mrkdwn(
          [
            `*${sample.priority}* · ${escapeSlackText(sample.author)} ${slackLink(sample.url, 'Open post')}`,
            `>${escapeSlackText(sampleText(sample.text))}`,
          ].join('\n'),
        ),
      })),
      ...(more > 0 ? [{ type: 'context' as const, elements: [mrkdwn(`…and ${more} more`)] }] : []),
      // Slack refuses a section with empty text: no link, no section.
      ...(isWebUrl(group.consoleUrl)
        ? [{ type: 'section' as const, text: mrkdwn(slackLink(group.consoleUrl, 'Open in Watchfloor')) }]
        : []),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Microsoft Teams: an Adaptive Card in a message envelope, the body that Teams Workflows' "Send
// webhook alerts to a channel" documents. Office 365 Connector incoming webhooks (MessageCard)
// are retired by Microsoft; Workflows takes Adaptive Cards only.

type OpenUrlAction = { type: 'Action.OpenUrl'; title: string; url: string };
type TextRun = {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  size?: 'Small' | 'Medium';
  color?: 'Attention' | 'Warning' | 'Accent';
  isSubtle?: boolean;
  selectAction?: OpenUrlAction;
};
type RichTextBlock = { type: 'RichTextBlock'; inlines: TextRun[]; separator?: boolean };
export type AdaptiveCard = {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.2';
  body: RichTextBlock[];
  actions: OpenUrlAction[];
};
export type TeamsMessage = {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }[];
};

const PRIORITY_COLORS: Record<Priority, TextRun['color']> = {
  P1: 'Attention',
  P2: 'Warning',
  P3: undefined,
  P4: undefined,
};

/** A TextRun shows its text as it is, where a TextBlock would read a post's `[text](url)` as a link. */
const run = (text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun => ({
  type: 'TextRun',
  text,
  ...style,
});
const openUrl = (title: string, url: string): OpenUrlAction => ({ type: 'Action.OpenUrl', title, url });

export function teamsMessage(group: AlertGroup): TeamsMessage {
  const more = notShownCount(group);
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    // Everything used here exists in 1.2, which Teams renders on desktop, web and mobile alike.
    version: '1.2',
    body: [
      {
        type: 'RichTextBlock',
        inlines: [
          run(alertHeadline(group), {
            weight: 'Bolder',
            size: 'Medium',
            ...(PRIORITY_COLORS[group.priority] && { color: PRIORITY_COLORS[group.priority] }),
          }),
        ],
      },
      {
        type: 'RichTextBlock',
        inlines: [
          run(`First ${utcMinute(group.firstAt)} · last ${utcMinute(group.lastAt)}`, { isSubtle: true, size: 'Small' }),
        ],
      },
      ...shownSamples(group).flatMap((sample): RichTextBlock[] => [
        {
          type: 'RichTextBlock',
          separator: true,
          inlines: [
            run(`${sample.priority} · ${sample.author}`, { weight: 'Bolder' }),
            ...(isWebUrl(sample.url)
              ? [run('  '), run('Open post', { color: 'Accent', selectAction: openUrl('Open post', sample.url) })]
              : []),
          ],
        },
        { type: 'RichTextBlock', inlines: [run(sampleText(sample.text))] },
      ]),
      ...(more > 0
        ? [{ type: 'RichTextBlock' as const, inlines: [run(`…and ${more} more`, { isSubtle: true })] }]
        : []),
    ],
    actions: isWebUrl(group.consoleUrl) ? [openUrl('Open in Watchfloor', group.consoleUrl)] : [],
  };
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}

// ---------------------------------------------------------------------------------------------
// CloudEvents 1.0, structured mode: the whole event is the JSON body.

export type AlertEventType = `io.watchfloor.alert.${AlertKind}`;
export type AlertCloudEvent = {
  specversion: '1.0';
  /** With `source`, unique per alert: a retried delivery carries the same id, so receivers drop the copy. */
  id: string;
  source: string;
  type: AlertEventType;
  /** The rule's id: receivers can route on it without reading `data`. */
  subject: string;
  /** When the burst's last mention came (RFC 3339); absent if `lastAt` is not a time. */
  time?: string;
  datacontenttype: 'application/json';
  data: AlertGroup & { summary: string };
};

export function alertCloudEvent(group: AlertGroup, { id, source }: { id: string; source: string }): AlertCloudEvent {
  const lastAt = Date.parse(group.lastAt);
  return {
    specversion: '1.0',
    id,
    source,
    type: `io.watchfloor.alert.${group.kind}`,
    subject: group.ruleId,
    ...(!Number.isNaN(lastAt) && { time: new Date(lastAt).toISOString() }),
    datacontenttype: 'application/json',
    data: { summary: alertHeadline(group), ...group, samples: shownSamples(group) },
  };
}

// ---------------------------------------------------------------------------------------------
// E-mail: a plain-text part for every client and an HTML part with every piece of text escaped.

export type AlertEmail = { subject: string; text: string; html: string };

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function alertEmail(group: AlertGroup): AlertEmail {
  const headline = alertHeadline(group);
  const samples = shownSamples(group);
  const more = notShownCount(group);
  const when = `First ${utcMinute(group.firstAt)} · last ${utcMinute(group.lastAt)}`;
  const text = [
    headline,
    when,
    '',
    ...samples.flatMap((sample) => [
      `${sample.priority} · ${sample.author}: ${sampleText(sample.text)}`,
      ...(isWebUrl(sample.url) ? [`  ${sample.url}`] : []),
    ]),
    ...(more > 0 ? [`…and ${more} more`] : []),
    '',
    `Open in Watchfloor: ${group.consoleUrl}`,
  ].join('\n');
  const link = (url: string, label: string) =>
    isWebUrl(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : '';
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif">',
    `<h2>${escapeHtml(headline)}</h2>`,
    `<p style="color: #666">${escapeHtml(when)}</p>`,
    ...samples.map(
      (sample) =>
        `<p><strong>${escapeHtml(sample.priority)} · ${escapeHtml(sample.author)}</strong> ${link(sample.url, 'Open post')}` +
        `<br>${escapeHtml(sampleText(sample.text))}</p>`,
    ),
    ...(more > 0 ? [`<p style="color: #666">…and ${more} more</p>`] : []),
    `<p>${link(group.consoleUrl, 'Open in Watchfloor')}</p>`,
    '</body></html>',
  ].join('\n');
  // A header is one line: a rule name with a line break must not start a header of its own.
  return { subject: `[Watchfloor] ${headline}`.replace(/\s+/g, ' '), text, html };
}
