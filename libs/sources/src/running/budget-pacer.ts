import type { BudgetWarningView } from '@watchfloor/contracts';

/** Reads allowed ahead of the month's straight line, so a quiet start does not starve the first polls. */
const BURST_SHARE = 0.02;
export const BUDGET_WARNING_SHARE = 0.8;

export interface BudgetState {
  /** Posts the source may read in the calendar month; null for unlimited. */
  monthlyReadBudget: number | null;
  /** Posts read so far this month. */
  readsThisMonth: number;
  now: Date;
}

/** The calendar month (UTC) a moment falls in, as [start, end). */
export function monthOf(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/**
 * How many posts a poll may read now: the budget spread evenly over the month (what has accrued
 * so far, plus a small burst) less what was read. A source that reads less than its share saves
 * the rest for later in the month; one that would read more waits for the budget to accrue.
 */
export function readAllowance({ monthlyReadBudget, readsThisMonth, now }: BudgetState): number {
  if (monthlyReadBudget === null) return Number.POSITIVE_INFINITY;
  const { start, end } = monthOf(now);
  const elapsed = (now.getTime() - start.getTime()) / (end.getTime() - start.getTime());
  const accrued = Math.min(monthlyReadBudget, monthlyReadBudget * (elapsed + BURST_SHARE));
  return Math.max(0, Math.floor(accrued - readsThisMonth));
}

/** What the admin is told about a budget; the API answers with it as it is. */
export type BudgetWarning = BudgetWarningView;

/**
 * What the admin should hear about a budget: 80 % used, all used, or queries whose volume would
 * spend it (from each query's estimated monthly reads) before the month is over.
 */
export function budgetWarnings(
  state: BudgetState,
  estimates: { queryName: string; monthlyReads: number }[],
): BudgetWarning[] {
  const budget = state.monthlyReadBudget;
  if (budget === null) return [];
  const warnings: BudgetWarning[] = [];
  if (state.readsThisMonth >= budget) {
    warnings.push({
      code: 'budget-spent',
      message: `the monthly budget of ${budget} posts is spent: reading resumes next month`,
    });
  } else if (state.readsThisMonth >= budget * BUDGET_WARNING_SHARE) {
    warnings.push({
      code: 'budget-80',
      message: `${Math.round((state.readsThisMonth / budget) * 100)} % of the monthly budget of ${budget} posts is used`,
    });
  }
  for (const estimate of estimates) {
    if (estimate.monthlyReads > budget) {
      warnings.push({
        code: 'query-too-broad',
        message: `query "${estimate.queryName}" would read about ${Math.round(estimate.monthlyReads)} posts a month, more than the budget of ${budget}: narrow it, or only part of its posts will be read`,
      });
    }
  }
  const total = estimates.reduce((sum, estimate) => sum + estimate.monthlyReads, 0);
  if (total > budget && !warnings.some((warning) => warning.code === 'query-too-broad')) {
    warnings.push({
      code: 'queries-too-broad',
      message: `the queries together would read about ${Math.round(total)} posts a month, more than the budget of ${budget}`,
    });
  }
  return warnings;
}

const HOURS_PER_MONTH = 730;

/**
 * A query's monthly volume from what one poll saw: posts per hour over the time they span (or
 * since the previous poll), times the hours of a month. A first poll reads one page only, so
 * this is known before the budget is spent.
 */
export function estimateMonthlyReads(reads: number, createdAts: string[], since: Date | null, now: Date): number {
  if (reads === 0) return 0;
  const oldest = Math.min(...createdAts.map((value) => Date.parse(value)).filter(Number.isFinite));
  const from = since?.getTime() ?? (Number.isFinite(oldest) ? oldest : now.getTime() - 3_600_000);
  const hours = Math.max((now.getTime() - from) / 3_600_000, 1 / 60);
  return (reads / hours) * HOURS_PER_MONTH;
}
