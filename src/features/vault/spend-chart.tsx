import { formatCost } from '../../byok/provider-config';

export interface SpendChartProps {
  perDay: Array<{ date: string; cost: number }>;
  label: string;
}

/** Thirty thin bars, one per day; tall enough to compare days, small enough to sit in a card. */
export function SpendChart({ perDay, label }: SpendChartProps) {
  const highest = Math.max(...perDay.map((day) => day.cost), 0);
  const total = perDay.reduce((sum, day) => sum + day.cost, 0);
  const barWidth = 100 / Math.max(perDay.length, 1);
  if (total === 0) return <p className="text-xs text-slate-600 dark:text-slate-400">No spend in the last 30 days.</p>;
  return (
    <figure className="space-y-1">
      <svg viewBox="0 0 100 24" preserveAspectRatio="none" className="h-10 w-full" role="img" aria-label={`${label}: ${formatCost(total)} over the last 30 days`}>
        {perDay.map((day, index) => {
          const height = highest === 0 ? 0 : Math.max(1, (day.cost / highest) * 22);
          return (
            <rect key={day.date} x={index * barWidth + barWidth * 0.15} y={24 - height} width={barWidth * 0.7} height={height} className="fill-brand-500 dark:fill-brand-400">
              <title>{`${day.date}: ${formatCost(day.cost)}`}</title>
            </rect>
          );
        })}
        <line x1="0" y1="23.8" x2="100" y2="23.8" className="stroke-slate-300 dark:stroke-slate-700" strokeWidth="0.4" />
      </svg>
      <figcaption className="flex justify-between text-xs text-slate-600 dark:text-slate-400">
        <span>30 days ago</span>
        <span>Spend per day</span>
        <span>today</span>
      </figcaption>
    </figure>
  );
}
