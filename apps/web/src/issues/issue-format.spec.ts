import { compactNumber, issueTitle, percent } from './issue-format';

describe('issue formatting', () => {
  it('shows shares as whole percentages', () => {
    expect(percent(0.4167)).toBe('42%');
    expect(percent(0)).toBe('0%');
  });

  it('keeps large figures short', () => {
    expect(compactNumber(987)).toBe('987');
    expect(compactNumber(1_234)).toBe('1.2k');
    expect(compactNumber(2_500_000)).toBe('2.5M');
  });

  it('names an issue by its first terms', () => {
    expect(issueTitle(['sk417', 'delay', '#skylark'])).toBe('sk417 · delay · #skylark');
    expect(issueTitle([])).toBe('(untitled issue)');
  });
});
