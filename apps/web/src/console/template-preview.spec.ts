import { hasPlaceholders, renderTemplate, templateContext } from './template-preview';
import { describeEvent } from './timeline-text';
import { aTriageItem } from './triage-item.factory';

describe('reply templates', () => {
  const item = aTriageItem({ id: '42', teamName: 'Care' });
  const context = templateContext(item, 'Sam Agent');

  it('fills the placeholders it knows for the preview', () => {
    expect(
      renderTemplate(
        'Hi {{author.name}} (@{{ author.handle }}), {{agent.name}} from {{team.name}} here. #{{item.id}}',
        context,
      ),
    ).toBe('Hi Ana (@ana.bsky.social), Sam Agent from Care here. #42');
  });

  it('leaves unknown placeholders as written, and does not treat object properties as placeholders', () => {
    expect(renderTemplate('{{order.id}} {{constructor}}', context)).toBe('{{order.id}} {{constructor}}');
    expect(hasPlaceholders('plain words')).toBe(false);
    expect(hasPlaceholders('Hi {{author.name}}')).toBe(true);
  });
});

describe('the activity timeline', () => {
  const event = (kind: Parameters<typeof describeEvent>[0]['kind'], detail: Record<string, unknown>) => ({
    id: '1',
    at: '2026-11-23T10:00:00.000Z',
    actor: 'Dana Agent',
    kind,
    detail,
  });

  it('describes each kind of change in words', () => {
    expect(describeEvent(event('status', { action: 'resolve', status: 'resolved' })).summary).toBe(
      'Dana Agent resolved it',
    );
    expect(describeEvent(event('status', { status: 'in_progress' })).summary).toBe('Dana Agent set it in progress');
    expect(describeEvent(event('assigned', { userId: 'u2' }), () => 'Sam Agent').summary).toBe(
      'Dana Agent assigned it to Sam Agent',
    );
    expect(describeEvent(event('note', { text: 'VIP, call back' }))).toEqual({
      summary: 'Dana Agent added a note',
      text: 'VIP, call back',
    });
    expect(describeEvent(event('correction', { notRelevant: true })).summary).toBe('Dana Agent marked it not relevant');
    expect(describeEvent(event('tags', { tags: ['refund', 'vip'] })).summary).toBe('Dana Agent set tags: refund, vip');
  });
});
