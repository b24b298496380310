import { calculateCost, formatCost } from '../../byok/provider-config';
import { Button } from '../../components/ui/button';
import type { CatalogueEntry } from './catalogue-entry';
import { formatTokenPrice, priceUnitLabel, type PriceUnit } from '../../byok/price-unit';
import { usePriceUnit } from '../../lib/use-price-unit';
import { describePriceTiers, formatTokenCount } from './format-model-values';

/** The sample message of the comparison: a short question with a medium answer. */
export const SAMPLE_INPUT_TOKENS = 1_000;
export const SAMPLE_OUTPUT_TOKENS = 500;

export interface ModelComparisonProps {
  entries: CatalogueEntry[];
  onRemove(entry: CatalogueEntry): void;
  onClear(): void;
}

function describeFeatures(entry: CatalogueEntry): string {
  if (!entry.features) return 'unknown';
  const names = [entry.features.streaming && 'streaming', entry.features.functionCalling && 'function calling', entry.features.vision && 'vision'].filter(Boolean);
  return names.length > 0 ? names.join(', ') : 'text only';
}

function describeSampleCost(entry: CatalogueEntry): string {
  const cost = calculateCost(entry.provider, entry.id, SAMPLE_INPUT_TOKENS, SAMPLE_OUTPUT_TOKENS);
  return cost === null ? 'price unknown' : formatCost(cost);
}

const comparisonRows = (unit: PriceUnit): Array<[string, (entry: CatalogueEntry) => string]> => [
  ['Sample message (1,000 in / 500 out)', describeSampleCost],
  [`Input ${priceUnitLabel(unit)} tokens`, (entry) => formatTokenPrice(entry.inputCostPer1k, unit)],
  [`Output ${priceUnitLabel(unit)} tokens`, (entry) => formatTokenPrice(entry.outputCostPer1k, unit)],
  ['Long prompts', (entry) => describePriceTiers(entry.tiers, unit).join('; ') || 'same price'],
  ['Context window', (entry) => formatTokenCount(entry.contextWindow)],
  ['Max output', (entry) => formatTokenCount(entry.maxOutputTokens)],
  ['Features', describeFeatures],
  ['Price checked', (entry) => entry.lastVerified ?? 'never (not in the pricing table)'],
  ['Status', (entry) => (entry.status === 'retired' ? `retired ${entry.retiredOn ?? ''}`.trim() : 'active')],
];

export function ModelComparison({ entries, onRemove, onClear }: ModelComparisonProps) {
  const rows = comparisonRows(usePriceUnit());
  return (
    <section aria-labelledby="comparison-heading" id="comparison" className="rounded-2xl bg-white p-4 ring-1 ring-brand-200 dark:bg-slate-900 dark:ring-brand-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="comparison-heading" tabIndex={-1} className="scroll-mt-32 text-lg font-semibold focus:outline-none sm:scroll-mt-20">Compare models</h2>
        <Button variant="ghost" size="sm" onClick={onClear}>Clear comparison</Button>
      </div>
      {entries.length < 2 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Tick “Compare” on one or two more models to see them side by side.</p>
      ) : null}
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Prices, context and features of the compared models</caption>
          <thead>
            <tr>
              <td className="sticky left-0 w-28 bg-white sm:w-1/4 dark:bg-slate-900" />
              {entries.map((entry) => (
                <th key={entry.key} scope="col" className="min-w-32 px-2 pb-2 align-bottom font-semibold">
                  <span className="block">{entry.name}</span>
                  <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{entry.providerName}</span>
                  <button type="button" onClick={() => onRemove(entry)} className="mt-1 text-xs font-medium text-brand-700 underline hover:no-underline dark:text-brand-400">
                    Remove<span className="sr-only"> {entry.name} from the comparison</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {rows.map(([label, describe]) => (
              <tr key={label}>
                <th scope="row" className="sticky left-0 bg-white py-2 pr-2 text-xs font-medium text-slate-600 dark:bg-slate-900 dark:text-slate-300">{label}</th>
                {entries.map((entry) => <td key={entry.key} className="px-2 py-2 tabular-nums">{describe(entry)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Stays at the bottom of the viewport while models are ticked far down the list, since the
 * comparison itself sits above the list.
 */
export function ComparisonBar({ count }: { count: number }) {
  function showComparison() {
    const heading = document.getElementById('comparison-heading');
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading?.focus({ preventScroll: true });
  }
  return (
    <div className="sticky bottom-3 z-30 flex items-center justify-between gap-3 rounded-xl bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg ring-1 ring-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:ring-slate-300">
      <span>{count === 1 ? 'One model ticked to compare' : `${count} models ticked to compare`}</span>
      <button type="button" onClick={showComparison} className="rounded-lg bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white dark:bg-slate-900 dark:text-white dark:hover:bg-slate-700 dark:focus-visible:outline-slate-900">
        Show comparison
      </button>
    </div>
  );
}
