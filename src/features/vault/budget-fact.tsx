// A key's monthly budget as it stands: plain while within it, amber from 80 %, red with the amount
// over once this month's spend has passed it.
import { formatCost } from '../../byok/provider-config';
import type { UsageSummary } from '../../byok/usage-ledger';

export function BudgetFact({ usage }: { usage: UsageSummary | undefined }) {
  if (!usage || usage.budget === null) return <>None</>;
  const budget = formatCost(usage.budget);
  if (usage.budgetState === 'over') {
    return (
      <span className="font-semibold text-red-700 dark:text-red-300" data-testid="budget-state" data-state="over">
        {budget} · over by {formatCost(usage.overBudgetBy)}
      </span>
    );
  }
  const left = `${budget} · ${formatCost(Math.max(0, usage.remaining ?? 0))} left`;
  if (usage.budgetState === 'warning') {
    const share = Math.floor((usage.monthCost / usage.budget) * 100);
    return <span className="text-amber-800 dark:text-amber-200" data-testid="budget-state" data-state="warning">{left} ({share} % used)</span>;
  }
  return <span data-testid="budget-state" data-state="ok">{left}</span>;
}
