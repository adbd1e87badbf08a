import { aPeriodSummary } from './period-summary.factory';
import { periodSummaryCsv } from './summary-csv';

const parse = (csv: string) => csv.trimEnd().split('\r\n');

describe('periodSummaryCsv', () => {
  const csv = periodSummaryCsv(aPeriodSummary());
  const lines = parse(csv);
  const header = lines[0]!.split(',');
  const rowsOf = (section: string) => lines.slice(1).filter((line) => line.startsWith(`${section},`));
  const cell = (line: string, column: string) => line.split(',')[header.indexOf(column)];

  it('is one table with a section column first', () => {
    expect(header[0]).toBe('section');
    expect(
      lines.slice(1).every((line) => /^(total|volume|share_of_voice|issue|response_times|calendar),/.test(line)),
    ).toBe(true);
  });

  it('totals the period from its buckets, empty ones included', () => {
    const [total] = rowsOf('total');
    expect(cell(total!, 'mentions')).toBe('37');
    expect(cell(total!, 'negative')).toBe('15');
    expect(cell(total!, 'sla_breaches')).toBe('2');
    expect(rowsOf('volume')).toHaveLength(3);
    expect(cell(rowsOf('volume')[2]!, 'mentions')).toBe('0');
  });

  it('weights the mean sentiment by scored mentions', () => {
    // (0.2 × 18 + -0.4 × 18) / 36
    expect(cell(rowsOf('total')[0]!, 'mean_sentiment')).toBe('-0.1');
  });

  it('neutralises a query name that a spreadsheet would run, and quotes a team name with a comma', () => {
    expect(cell(rowsOf('share_of_voice')[1]!, 'name')).toBe("'=Rival");
    expect(csv).toContain('response_times,,,"Care, EMEA"');
  });

  it('lists the calendar events of the period', () => {
    expect(rowsOf('calendar')).toEqual([
      expect.stringContaining('calendar,2025-11-02T09:00:00.000Z,,Spring launch,launch'),
    ]);
  });
});
