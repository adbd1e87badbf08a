import { shortcutFor, withShortcut } from './shortcuts';

describe('the console shortcuts', () => {
  it('maps each key to its action, and nothing to other keys', () => {
    expect(['j', 'k', 'c', 'e', 'w', 'r', 'n', '1', '2', '3', 'x', '?', 'Escape'].map(shortcutFor)).toEqual([
      'next',
      'previous',
      'claim',
      'resolve',
      'wait',
      'reply',
      'note',
      'correctNegative',
      'correctNeutral',
      'correctPositive',
      'toggleSelect',
      'help',
      'close',
    ]);
    expect(shortcutFor('q')).toBeUndefined();
  });

  it("names the key in a button's title", () => {
    expect(withShortcut('Claim', 'claim')).toBe('Claim (c)');
    expect(withShortcut('Close', 'close')).toBe('Close (Esc)');
  });
});
