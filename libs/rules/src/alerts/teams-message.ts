import type { Priority } from '../rule-definition';
import { isWebUrl, notShownCount, sampleText, shownSamples, utcMinute } from './alert-content';
import { alertHeadline } from './alert-message';
import type { AlertGroup } from './alert-message';

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
