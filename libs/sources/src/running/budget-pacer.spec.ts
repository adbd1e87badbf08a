import { budgetWarnings, estimateMonthlyReads, readAllowance } from './budget-pacer';

describe('monthly read budget', () => {
  const midMonth = new Date('2026-11-16T00:00:00Z'); // half of November gone

  it('spreads the budget over the month: half of it by mid-month, plus a small burst', () => {
    expect(readAllowance({ monthlyReadBudget: 10_000, readsThisMonth: 0, now: midMonth })).toBe(5_200);
    expect(readAllowance({ monthlyReadBudget: 10_000, readsThisMonth: 5_000, now: midMonth })).toBe(200);
    expect(readAllowance({ monthlyReadBudget: 10_000, readsThisMonth: 6_000, now: midMonth })).toBe(0);
    expect(readAllowance({ monthlyReadBudget: null, readsThisMonth: 1e9, now: midMonth })).toBe(Infinity);
  });

  it('never allows more than the whole budget, even at the end of the month', () => {
    const lastMinute = new Date('2026-11-30T23:59:59Z');
    expect(readAllowance({ monthlyReadBudget: 10_000, readsThisMonth: 0, now: lastMinute })).toBe(10_000);
  });

  it('warns at 80 %, and when spent', () => {
    const at = (reads: number) =>
      budgetWarnings({ monthlyReadBudget: 10_000, readsThisMonth: reads, now: midMonth }, []).map((w) => w.code);
    expect(at(7_999)).toEqual([]);
    expect(at(8_000)).toEqual(['budget-80']);
    expect(at(10_000)).toEqual(['budget-spent']);
  });

  it('reports a query too broad for the budget, by name, before it spends it', () => {
    const warnings = budgetWarnings({ monthlyReadBudget: 10_000, readsThisMonth: 100, now: midMonth }, [
      { queryName: 'brand', monthlyReads: 3_000 },
      { queryName: 'everything', monthlyReads: 73_000 },
    ]);
    expect(warnings).toEqual([
      {
        code: 'query-too-broad',
        message: expect.stringMatching(/query "everything" would read about 73000 posts a month/),
      },
    ]);
    expect(
      budgetWarnings({ monthlyReadBudget: 10_000, readsThisMonth: 0, now: midMonth }, [
        { queryName: 'a', monthlyReads: 6_000 },
        { queryName: 'b', monthlyReads: 6_000 },
      ]).map((warning) => warning.code),
    ).toEqual(['queries-too-broad']);
  });

  it('estimates a month of volume from the posts one page spans, or from the time since the last poll', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    // 100 posts over the last 2 hours: 50 an hour, 36,500 a month.
    expect(estimateMonthlyReads(100, ['2026-11-23T10:00:00Z', '2026-11-23T11:59:00Z'], null, now)).toBe(36_500);
    // 10 posts since a poll 5 minutes ago: 120 an hour.
    expect(estimateMonthlyReads(10, [], new Date('2026-11-23T11:55:00Z'), now)).toBeCloseTo(87_600);
    expect(estimateMonthlyReads(0, [], null, now)).toBe(0);
  });
});
