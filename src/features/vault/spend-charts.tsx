import { formatCost, PROVIDERS } from '../../byok/provider-config';
import type { BYOKProvider } from '../../byok/types';
import type { DailySpend } from '../../byok/usage-report';

// On first use, not at load: the vault screen's chunk is on the offline start's path (performance.md B6).
let shortDate: Intl.DateTimeFormat | undefined;
const shortDateFormat = (): Intl.DateTimeFormat => (shortDate ??= new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }));

export function formatDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? date : shortDateFormat().format(day);
}

interface ProviderChartProps {
  provider: BYOKProvider;
  daily: DailySpend[];
  /** The one scale every provider's chart shares, so bars compare across charts. */
  scaleMax: number;
  /** Some of its 30 days' cost is an estimate (a reply stopped or cut off before its usage came). */
  estimated: boolean;
}

/** Thirty bars, one per UTC day, drawn against the shared scale, with its top and dates labelled. */
function ProviderChart({ provider, daily, scaleMax, estimated }: ProviderChartProps) {
  const name = PROVIDERS[provider].displayName;
  const barWidth = 100 / daily.length;
  const total = `${estimated ? '≈ ' : ''}${formatCost(daily.reduce((sum, day) => sum + (day.byProvider[provider] ?? 0), 0))}`;
  return (
    <figure className="space-y-1" data-testid={`spend-chart-${provider}`}>
      <figcaption className="flex justify-between text-sm">
        <span className="font-medium">{name}</span>
        <span className="text-slate-600 dark:text-slate-400">{total} in 30 days</span>
      </figcaption>
      <div className="flex gap-2">
        <div className="flex w-16 shrink-0 flex-col justify-between text-right text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
          <span>{formatCost(scaleMax)}</span>
          <span>$0</span>
        </div>
        <svg viewBox="0 0 100 24" preserveAspectRatio="none" className="h-12 w-full" role="img" aria-label={`${name}: ${total} over the last 30 days; the table below lists the figures`}>
          <line x1="0" y1="0.2" x2="100" y2="0.2" className="stroke-slate-200 dark:stroke-slate-800" strokeWidth="0.3" strokeDasharray="1 1" />
          {daily.map((day, index) => {
            const cost = day.byProvider[provider] ?? 0;
            const height = cost === 0 || scaleMax === 0 ? 0 : Math.max(0.8, (cost / scaleMax) * 23.6);
            return (
              <rect key={day.date} x={index * barWidth + barWidth * 0.15} y={24 - height} width={barWidth * 0.7} height={height} className="fill-brand-500 dark:fill-brand-400">
                <title>{`${formatDay(day.date)}: ${formatCost(cost)}`}</title>
              </rect>
            );
          })}
          <line x1="0" y1="23.8" x2="100" y2="23.8" className="stroke-slate-300 dark:stroke-slate-700" strokeWidth="0.4" />
        </svg>
      </div>
      <div className="flex justify-between pl-[4.5rem] text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
        <span>{formatDay(daily[0]?.date ?? '')}</span>
        <span>{formatDay(daily.at(-1)?.date ?? '')} (today, UTC)</span>
      </div>
    </figure>
  );
}

export interface SpendChartsProps {
  providers: BYOKProvider[];
  daily: DailySpend[];
  scaleMax: number;
  /** Providers whose 30 days include an estimate: their totals are marked ≈, as everywhere else. */
  estimated: ReadonlySet<BYOKProvider>;
}

export function SpendCharts({ providers, daily, scaleMax, estimated }: SpendChartsProps) {
  if (providers.length === 0 || scaleMax === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No spend in the last 30 days.</p>;
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-600 dark:text-slate-400">Spend per day. Every chart uses the same scale, up to {formatCost(scaleMax)} a day.</p>
      {providers.map((provider) => <ProviderChart key={provider} provider={provider} daily={daily} scaleMax={scaleMax} estimated={estimated.has(provider)} />)}
    </div>
  );
}
