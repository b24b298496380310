import { formatCost, PROVIDERS } from '../../byok/provider-config';
import type { BYOKProvider } from '../../byok/types';
import type { SpendPeriod, SpendReport } from '../../byok/usage-report';
import { formatTokens } from './format-date';

interface Figures { cost: number; estimatedRequests: number; requests: number; inputTokens: number; outputTokens: number }
interface Row { provider: BYOKProvider; model: string; month?: Figures; last30?: Figures }

/** Every provider and model with a request this month or in the last 30 days. */
function collectRows(month: SpendPeriod, last30: SpendPeriod): Row[] {
  const rows = new Map<string, Row>();
  const add = (period: SpendPeriod, field: 'month' | 'last30') => {
    for (const provider of period.providers) {
      for (const model of provider.models) {
        const key = `${provider.provider}\n${model.model}`;
        const row = rows.get(key) ?? { provider: provider.provider, model: model.model };
        row[field] = model;
        rows.set(key, row);
      }
    }
  };
  add(month, 'month');
  add(last30, 'last30');
  return [...rows.values()];
}

function cost(figures: Figures | undefined): string {
  if (!figures) return formatCost(0);
  return `${figures.estimatedRequests > 0 ? '≈ ' : ''}${formatCost(figures.cost)}`;
}

export function SpendTable({ report }: { report: SpendReport }) {
  const rows = collectRows(report.month, report.last30Days);
  if (rows.length === 0) return null;
  const cell = 'px-2 py-1.5';
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-sm font-medium">Spend by provider and model</caption>
        <thead className="text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className={cell}>Provider</th>
            <th scope="col" className={cell}>Model</th>
            <th scope="col" className={`${cell} text-right`}>This month</th>
            <th scope="col" className={`${cell} text-right`}>Last 30 days</th>
            <th scope="col" className={`${cell} text-right`}>Requests (30 days)</th>
            <th scope="col" className={`${cell} text-right`}>Tokens in / out (30 days)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.provider}:${row.model}`} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className={`${cell} font-medium`}>{PROVIDERS[row.provider].displayName}</th>
              <td className={`${cell} font-mono text-xs`}>{row.model}</td>
              <td className={`${cell} text-right tabular-nums`}>{cost(row.month)}</td>
              <td className={`${cell} text-right tabular-nums`}>{cost(row.last30)}</td>
              <td className={`${cell} text-right tabular-nums`}>{row.last30?.requests ?? 0}</td>
              <td className={`${cell} text-right tabular-nums`}>{row.last30 ? `${formatTokens(row.last30.inputTokens)} / ${formatTokens(row.last30.outputTokens)}` : '—'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-300 font-semibold dark:border-slate-700">
            <th scope="row" colSpan={2} className={cell}>All providers</th>
            <td className={`${cell} text-right tabular-nums`}>{cost(report.month)}</td>
            <td className={`${cell} text-right tabular-nums`}>{cost(report.last30Days)}</td>
            <td className={`${cell} text-right tabular-nums`}>{report.last30Days.requests}</td>
            <td className={cell} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
