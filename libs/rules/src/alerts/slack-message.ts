import { isWebUrl, notShownCount, sampleText, shownSamples, utcMinute } from './alert-content';
import { alertHeadline } from './alert-message';
import type { AlertGroup } from './alert-message';

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
