// The open conversation's provider budget, in the chat header: amber from 80 %, red with the amount
// over once this month's spend has passed it. Follows every recorded reply (usage events).
import { useEffect, useState } from 'react';
import { formatCost, PROVIDERS } from '../../byok/provider-config';
import type { BYOKProvider } from '../../byok/types';
import { onUsageChanged } from '../../byok/usage-events';
import { getUsageSummary, type UsageSummary } from '../../byok/usage-ledger';
import { runSettled } from '../../lib/run-settled';

function useUsageSummary(provider: BYOKProvider): UsageSummary | null {
  const [summary, setSummary] = useState<UsageSummary | null>(null);
  useEffect(() => {
    let current = true;
    const read = () => void getUsageSummary(provider).then((next) => current && setSummary(next)).catch(() => undefined);
    read();
    // Once after a reply's usage signals settle, not once per signal (lib/run-settled.ts).
    const settled = runSettled(read);
    const stop = onUsageChanged(settled.run);
    return () => {
      current = false;
      settled.cancel();
      stop();
    };
  }, [provider]);
  return summary;
}

export function ChatBudgetStatus({ provider }: { provider: BYOKProvider }) {
  const summary = useUsageSummary(provider);
  if (!summary || summary.budget === null || summary.budgetState === 'ok' || summary.budgetState === 'none') return null;
  const name = PROVIDERS[provider].displayName;
  const spent = `${formatCost(summary.monthCost)} of ${formatCost(summary.budget)}`;
  if (summary.budgetState === 'over') {
    return (
      <p className="truncate text-xs font-semibold text-red-700 dark:text-red-300" data-testid="chat-budget-status" data-state="over">
        Over the {name} budget by {formatCost(summary.overBudgetBy)} ({spent} this month)
      </p>
    );
  }
  const share = Math.floor((summary.monthCost / summary.budget) * 100);
  return (
    <p className="truncate text-xs font-medium text-amber-800 dark:text-amber-200" data-testid="chat-budget-status" data-state="warning">
      {share} % of the {name} budget used ({spent} this month)
    </p>
  );
}
