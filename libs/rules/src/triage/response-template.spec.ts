import {
  MAX_TEMPLATE_BODY_LENGTH,
  ResponseTemplateError,
  parseTemplate,
  renderTemplate,
  responseTemplateSchema,
} from './response-template';
import type { TemplateValues } from './response-template';

function someValues(overrides: Partial<TemplateValues> = {}): TemplateValues {
  return {
    author: { handle: 'jane_doe', name: 'Jane Doe' },
    agent: { name: 'Ana' },
    team: { name: 'Care' },
    mention: { url: 'https://example.com/status/1' },
    item: { id: 'item-42' },
    ...overrides,
  };
}

describe('parseTemplate', () => {
  it('lists each placeholder once, in order of first use', () => {
    expect(
      parseTemplate('Hi {{author.name}}! {{agent.name}} at {{team.name}}, re {{ item.id }}, {{agent.name}}'),
    ).toEqual({
      placeholders: ['author.name', 'agent.name', 'team.name', 'item.id'],
    });
  });

  it('treats single braces as text', () => {
    expect(parseTemplate('Sorry :-{ we will fix it }')).toEqual({ placeholders: [] });
  });

  it('names an unknown placeholder, where it is, and the ones there are', () => {
    expect(() => parseTemplate('Hi {{author.email}}')).toThrow(
      new ResponseTemplateError(
        'unknown placeholder {{author.email}} at character 4: use one of {{author.handle}}, {{author.name}}, ' +
          '{{agent.name}}, {{team.name}}, {{mention.url}}, {{item.id}}',
      ),
    );
  });

  it.each([
    ['an opening never closed', 'Hi {{author.name', '"{{" at character 4 is never closed with "}}"'],
    ['an opening inside another', 'Hi {{author.{{name}}', '"{{" at character 4 is never closed with "}}"'],
    ['a closing with no opening', 'Hi author.name}}', '"}}" at character 15 closes nothing'],
  ])('refuses %s', (_label, body, message) => {
    expect(() => parseTemplate(body)).toThrow(`unbalanced braces: ${message}`);
  });

  it('refuses a body over 2,000 characters', () => {
    expect(() => parseTemplate('a'.repeat(MAX_TEMPLATE_BODY_LENGTH + 1))).toThrow(
      'a template body is at most 2000 characters; this one has 2001',
    );
  });
});

describe('renderTemplate', () => {
  it('fills every placeholder', () => {
    const body =
      'Hi {{author.name}} (@{{author.handle}}), {{agent.name}} from {{team.name}}: {{mention.url}} #{{item.id}}';

    expect(renderTemplate(body, someValues())).toBe(
      'Hi Jane Doe (@jane_doe), Ana from Care: https://example.com/status/1 #item-42',
    );
  });

  it.each([undefined, null, '  '])('addresses the author by @handle when the name is %p', (name) => {
    expect(renderTemplate('Hi {{author.name}},', someValues({ author: { handle: 'jane_doe', name } }))).toBe(
      'Hi @jane_doe,',
    );
  });

  it('does not read placeholders inside the values it fills in', () => {
    expect(renderTemplate('Hi {{author.name}}', someValues({ author: { handle: 'x', name: '{{agent.name}}' } }))).toBe(
      'Hi {{agent.name}}',
    );
  });

  it('refuses to render an invalid template', () => {
    expect(() => renderTemplate('Hi {{author}}', someValues())).toThrow(ResponseTemplateError);
  });
});

describe('responseTemplateSchema', () => {
  it('accepts a shared template and trims its name', () => {
    expect(responseTemplateSchema.parse({ name: ' Refund ', body: 'Hi {{author.name}}', teamId: null })).toEqual({
      name: 'Refund',
      body: 'Hi {{author.name}}',
      teamId: null,
    });
  });

  it('reports a bad placeholder as a validation message', () => {
    const result = responseTemplateSchema.safeParse({ name: 'Refund', body: 'Hi {{name}}' });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^unknown placeholder \{\{name\}\} at character 4/);
  });

  it.each([
    ['an empty name', { name: ' ', body: 'Hi' }, 'a template needs a name'],
    ['a long name', { name: 'x'.repeat(101), body: 'Hi' }, 'a template name is at most 100 characters'],
    ['an empty body', { name: 'Hi', body: '' }, 'a template body may not be empty'],
  ])('refuses %s', (_label, input, message) => {
    expect(responseTemplateSchema.safeParse(input).error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});
