import { useCallback } from 'react';
import { priceUnitLabel } from '../../byok/price-unit';
import type { BYOKProvider } from '../../byok/types';
import { usePriceUnit } from '../../lib/use-price-unit';
import type { ModelChoice } from '../../lib/preferences';
import type { CatalogueEntry } from './catalogue-entry';
import { ModelRow, ROW_GRID } from './model-row';
import { useProgressiveCount } from './use-progressive-count';

const PAGE_SIZE = 60;
const MAX_COMPARED = 3;

export interface ModelListProps {
  entries: CatalogueEntry[];
  defaultModel: ModelChoice | null;
  keyedProviders: ReadonlySet<BYOKProvider>;
  comparedKeys: readonly string[];
  onPick(entry: CatalogueEntry): void;
  onComparedKeysChange(update: (keys: readonly string[]) => readonly string[]): void;
}

const columns = (unit: string) => ['Model', 'Context', 'Max output', `Input / ${unit}`, `Output / ${unit}`, 'Features', 'Actions'];

function isDefaultEntry(entry: CatalogueEntry, defaultModel: ModelChoice | null): boolean {
  return defaultModel !== null && defaultModel.provider === entry.provider && defaultModel.modelId === entry.id;
}

export function ModelList({ entries, defaultModel, keyedProviders, comparedKeys, onPick, onComparedKeysChange }: ModelListProps) {
  const { visibleCount, hasMore, sentinelRef } = useProgressiveCount(entries, PAGE_SIZE);
  const compareFull = comparedKeys.length >= MAX_COMPARED;
  const unit = usePriceUnit();

  const toggleCompare = useCallback(
    (entry: CatalogueEntry, checked: boolean) =>
      onComparedKeysChange((keys) => (checked ? [...keys.filter((key) => key !== entry.key), entry.key].slice(-MAX_COMPARED) : keys.filter((key) => key !== entry.key))),
    [onComparedKeysChange],
  );

  return (
    <div className="md:overflow-hidden md:rounded-2xl md:ring-1 md:ring-slate-200 md:dark:ring-slate-800">
      {/* Visual column titles for the desktop grid; each value also carries its own label for assistive tech. */}
      <div aria-hidden="true" className={`hidden bg-slate-100 px-4 py-2 text-xs font-semibold tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-200 ${ROW_GRID}`}>
        {columns(priceUnitLabel(unit).replace('per ', '')).map((column) => <span key={column} className={column === 'Actions' ? 'text-right' : ''}>{column}</span>)}
      </div>
      <ul aria-label="Models" className="space-y-3 md:space-y-0 md:divide-y md:divide-slate-200 md:dark:divide-slate-800">
        {entries.slice(0, visibleCount).map((entry) => (
          <ModelRow
            key={entry.key}
            entry={entry}
            isDefault={isDefaultEntry(entry, defaultModel)}
            hasKey={keyedProviders.has(entry.provider)}
            comparing={comparedKeys.includes(entry.key)}
            compareFull={compareFull && !comparedKeys.includes(entry.key)}
            onPick={onPick}
            onToggleCompare={toggleCompare}
          />
        ))}
      </ul>
      {hasMore ? (
        <div ref={sentinelRef} role="status" className="px-4 py-3 text-center text-sm text-slate-600 dark:text-slate-400">
          Showing {visibleCount} of {entries.length} models; scroll for more.
        </div>
      ) : null}
    </div>
  );
}
