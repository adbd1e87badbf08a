import { hasPlaceholders, renderTemplate, templateContext } from './template-preview';
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
