import { describeEvent } from './timeline-text';

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
