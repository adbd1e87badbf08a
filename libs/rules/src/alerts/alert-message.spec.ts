import { anAlertGroup, anAlertSample } from '../testing/alert-factories';
import { alertCloudEvent } from './alert-cloud-event';
import { alertEmail } from './alert-email';
import { alertHeadline } from './alert-message';
import { slackMessage } from './slack-message';
import { teamsMessage } from './teams-message';

const hostile = 'Tom & Jerry <!channel> <https://evil.example|bank> "quoted" it\'s';

describe('alertHeadline', () => {
  it('counts the burst instead of listing each mention', () => {
    expect(alertHeadline(anAlertGroup())).toBe('P1 · 37 mentions flagged by “Legal threats” for Legal in 4 min');
  });

  it('speaks of one mention without a time span, and of missed reply deadlines', () => {
    expect(alertHeadline(anAlertGroup({ count: 1, kind: 'sla-breach', priority: 'P2' }))).toBe(
      'P2 · 1 mention past the reply deadline of “Legal threats” for Legal',
    );
  });

  it('gives short and long bursts a readable span', () => {
    const within = (firstAt: string) => alertHeadline(anAlertGroup({ firstAt, lastAt: '2026-03-02T12:00:00Z' }));
    expect(within('2026-03-02T11:59:30Z')).toMatch(/in under 1 min$/);
    expect(within('2026-03-02T09:00:00Z')).toMatch(/in 3 h$/);
    expect(within('2026-03-02T09:20:00Z')).toMatch(/in 2 h 40 min$/);
    expect(within('not a time')).toMatch(/for Legal$/);
  });
});

describe('slackMessage', () => {
  it('leads with the headline as notification text and shows the samples and a link to the console', () => {
    const message = slackMessage(anAlertGroup());
    expect(message.text).toBe('P1 · 37 mentions flagged by “Legal threats” for Legal in 4 min');
    const texts = message.blocks.flatMap((block) =>
      block.type === 'section' ? [block.text.text] : block.elements.map((element) => element.text),
    );
    expect(texts[0]).toBe(`*${message.text}*`);
    expect(texts).toContain('…and 36 more');
    expect(texts.join('\n')).toContain('<https://watchfloor.example.com/triage?rule=rule-legal|Open in Watchfloor>');
    expect(texts.join('\n')).toContain('>I will sue Skylark over this');
    expect(texts[1]).toContain('<!date^1772444460^{date_short_pretty} {time}|2026-03-02 09:41 UTC>');
  });

  it('escapes &, < and > so a post can neither ping the channel nor forge a link', () => {
    const message = slackMessage(
      anAlertGroup({ ruleName: 'R&D <leaks>', samples: [anAlertSample({ author: hostile, text: hostile })] }),
    );
    const body = JSON.stringify(message);
    expect(message.text).toContain('“R&amp;D &lt;leaks&gt;”');
    expect(body).toContain('Tom &amp; Jerry &lt;!channel&gt; &lt;https://evil.example|bank&gt;');
    expect(body).not.toContain('<!channel>');
    expect(body).not.toContain('<https://evil.example');
  });

  it('shows at most five samples and no link for a post URL that is not a web address', () => {
    const samples = Array.from({ length: 7 }, (_, index) =>
      anAlertSample({ itemId: `m${index}`, url: 'javascript:alert(1)' }),
    );
    const message = slackMessage(anAlertGroup({ count: 7, samples }));
    expect(
      message.blocks.filter((block) => block.type === 'section' && block.text.text.includes('I will sue')),
    ).toHaveLength(5);
    expect(JSON.stringify(message)).not.toContain('javascript:');
    expect(JSON.stringify(message)).toContain('…and 2 more');
  });
});

describe('teamsMessage', () => {
  it('wraps an Adaptive Card in the message envelope Teams Workflows take', () => {
    const message = teamsMessage(anAlertGroup());
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null });
    expect(attachment?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.2' });
    expect(attachment?.content.body[0]?.inlines[0]).toMatchObject({
      text: 'P1 · 37 mentions flagged by “Legal threats” for Legal in 4 min',
      color: 'Attention',
    });
    expect(attachment?.content.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open in Watchfloor',
        url: 'https://watchfloor.example.com/triage?rule=rule-legal',
      },
    ]);
  });

  it('puts post text in text runs, which Teams does not read as Markdown', () => {
    const card = teamsMessage(anAlertGroup({ samples: [anAlertSample({ text: '[click me](https://evil.example)' })] }))
      .attachments[0]?.content;
    const runs = card?.body.flatMap((block) => block.inlines) ?? [];
    expect(runs.every((run) => run.type === 'TextRun')).toBe(true);
    expect(runs.map((run) => run.text)).toContain('[click me](https://evil.example)');
  });
});

describe('alertCloudEvent', () => {
  it('builds a structured CloudEvents 1.0 event with the id it is given', () => {
    const event = alertCloudEvent(anAlertGroup({ kind: 'sla-breach' }), {
      id: 'alert-42',
      source: 'https://watchfloor.example.com',
    });
    expect(event).toMatchObject({
      specversion: '1.0',
      id: 'alert-42',
      source: 'https://watchfloor.example.com',
      type: 'io.watchfloor.alert.sla-breach',
      subject: 'rule-legal',
      time: '2026-03-02T09:45:00.000Z',
      datacontenttype: 'application/json',
      data: { count: 37, ruleName: 'Legal threats', summary: expect.stringContaining('37 mentions') as unknown },
    });
  });

  it('names flagged bursts io.watchfloor.alert.flagged and is the same for the same id', () => {
    const group = anAlertGroup();
    const first = alertCloudEvent(group, { id: 'a', source: '/watchfloor' });
    expect(first.type).toBe('io.watchfloor.alert.flagged');
    expect(alertCloudEvent(group, { id: 'a', source: '/watchfloor' })).toEqual(first);
  });
});

describe('alertEmail', () => {
  it('has the headline as subject and a plain-text part with the samples and the console link', () => {
    const email = alertEmail(anAlertGroup());
    expect(email.subject).toBe('[Watchfloor] P1 · 37 mentions flagged by “Legal threats” for Legal in 4 min');
    expect(email.text).toContain('P1 · @angry_customer: I will sue Skylark over this');
    expect(email.text).toContain('…and 36 more');
    expect(email.text).toContain('Open in Watchfloor: https://watchfloor.example.com/triage?rule=rule-legal');
  });

  it('escapes every piece of text in the HTML part', () => {
    const email = alertEmail(
      anAlertGroup({
        ruleName: '<b>Legal</b>',
        samples: [anAlertSample({ author: hostile, text: '<script>alert(1)</script>' })],
      }),
    );
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('Tom &amp; Jerry &lt;!channel&gt;');
    expect(email.html).toContain('&quot;quoted&quot; it&#39;s');
    expect(email.html).toContain('“&lt;b&gt;Legal&lt;/b&gt;”');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain(
      '<a href="https://watchfloor.example.com/triage?rule=rule-legal">Open in Watchfloor</a>',
    );
  });

  it('keeps the subject on one line whatever the rule is called', () => {
    expect(alertEmail(anAlertGroup({ ruleName: 'Legal\r\nBcc: everyone@example.com' })).subject).not.toMatch(/[\r\n]/);
  });
});
