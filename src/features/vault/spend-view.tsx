import { useMemo } from 'react';
import { formatCost } from '../../byok/provider-config';
import { formatUtcDate } from '../../byok/usage-ledger';
import { buildSpendReport, ledgerCsvRows, toCsv, type Ledgers } from '../../byok/usage-report';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { SpendCharts } from './spend-charts';
import { SpendTable } from './spend-table';
import { useVaultStore } from './vault-store';

/** The ledger as a CSV file: plain figures, no keys (the ledger holds none). */
function downloadLedgerCsv(ledgers: Ledgers): void {
  const blob = new Blob([toCsv(ledgerCsvRows(ledgers))], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `vivim-spend-${formatUtcDate(Date.now())}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the event loop has moved on.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Spend across every provider: this month's total, one-scale daily charts, and the same figures as a table. */
export function SpendView() {
  // The store re-reads the ledgers on every usage event, in this tab and the others.
  const ledgers = useVaultStore((state) => state.ledgers);
  const report = useMemo(() => buildSpendReport(ledgers), [ledgers]);
  const charted = report.last30Days.providers.filter((provider) => provider.cost > 0);
  const chartProviders = charted.map((provider) => provider.provider);
  const chartEstimates = new Set(charted.filter((provider) => provider.estimatedRequests > 0).map((provider) => provider.provider));
  const hasLedger = Object.values(ledgers).some((ledger) => ledger && Object.keys(ledger.days).length > 0);
  const estimated = report.month.estimatedRequests > 0;

  return (
    <Card
      title="Spend"
      description="What your keys have cost, from the usage each provider reported (≈ marks estimates). Months and days are UTC."
    >
      <div className="space-y-5" aria-label="Spend" role="region">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm">
            This month, all providers:{' '}
            <strong className="text-lg tabular-nums" data-testid="spend-month-total">{`${estimated ? '≈ ' : ''}${formatCost(report.month.cost)}`}</strong>
            <span className="text-slate-600 dark:text-slate-400">{` · ${report.month.requests} ${report.month.requests === 1 ? 'request' : 'requests'}`}</span>
          </p>
          <Button size="sm" variant="secondary" disabled={!hasLedger} onClick={() => downloadLedgerCsv(ledgers)}>Download CSV</Button>
        </div>
        <SpendCharts providers={chartProviders} daily={report.daily} scaleMax={report.highestProviderDay} estimated={chartEstimates} />
        <SpendTable report={report} />
      </div>
    </Card>
  );
}
