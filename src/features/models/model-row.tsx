import { memo } from 'react';
import { isPickable, type CatalogueEntry } from './catalogue-entry';
import { formatTokenPrice, priceUnitLabel } from '../../byok/price-unit';
import { usePriceUnit } from '../../lib/use-price-unit';
import { describePriceTiers, formatTokenCount } from './format-model-values';
import { Badge, FeatureBadges } from './model-badges';

/** Shared by the rows and the desktop column header so the columns line up. */
export const ROW_GRID = 'md:grid md:grid-cols-[minmax(0,2.2fr)_repeat(4,minmax(0,0.7fr))_minmax(0,2fr)_8.5rem] md:items-center md:gap-4';

export interface ModelRowProps {
  entry: CatalogueEntry;
  isDefault: boolean;
  hasKey: boolean;
  comparing: boolean;
  /** True when three models are already being compared and this one is not one of them. */
  compareFull: boolean;
  onPick(entry: CatalogueEntry): void;
  onToggleCompare(entry: CatalogueEntry, checked: boolean): void;
}

function Value({ label, children }: { label: string; children: string }) {
  const unknown = children === 'unknown' || children === 'price unknown';
  return (
    <div className="min-w-0">
      {/* On desktop the column header names the value; screen readers keep the label everywhere. */}
      <dt className="text-xs text-slate-600 md:sr-only dark:text-slate-400">{label}</dt>
      <dd className={`text-sm tabular-nums ${unknown ? 'text-slate-600 italic dark:text-slate-400' : 'font-medium'}`}>{children}</dd>
    </div>
  );
}

function StatusBadges({ entry, isDefault, hasKey }: Pick<ModelRowProps, 'entry' | 'isDefault' | 'hasKey'>) {
  return (
    <div className="mt-1.5 flex flex-wrap gap-1">
      {isDefault ? <Badge tone="brand">Default for new chats</Badge> : null}
      {entry.status === 'retired' ? <Badge>Retired{entry.retiredOn ? ` ${entry.retiredOn}` : ''}</Badge> : null}
      {entry.priceUnknown ? <Badge tone="warning">Price unknown</Badge> : null}
      {entry.notListedByProvider ? <Badge tone="warning">Not listed by provider</Badge> : null}
      {hasKey ? <Badge tone="success">Key in vault</Badge> : null}
    </div>
  );
}

function ModelActions({ entry, isDefault, comparing, compareFull, onPick, onToggleCompare }: Omit<ModelRowProps, 'hasKey'>) {
  const label = `${entry.name} (${entry.providerName})`;
  return (
    <div className="mt-3 flex items-center justify-between gap-3 md:mt-0 md:flex-col md:items-end md:gap-1.5">
      <label className="inline-flex items-center gap-2 text-sm text-slate-700 has-disabled:text-slate-500 dark:text-slate-200 dark:has-disabled:text-slate-400">
        <input type="checkbox" className="size-4 accent-brand-600 dark:accent-brand-400" checked={comparing} disabled={compareFull}
          onChange={(event) => onToggleCompare(entry, event.target.checked)} />
        Compare<span className="sr-only"> {label}</span>
      </label>
      {isDefault ? (
        <span className="text-sm font-medium text-brand-700 dark:text-brand-400">✓ Default</span>
      ) : (
        <button type="button" disabled={!isPickable(entry)} onClick={() => onPick(entry)} aria-label={`Make default: ${label}`}
          className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-inset ring-brand-600/40 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 disabled:ring-slate-300 dark:text-brand-100 dark:ring-brand-400/50 dark:hover:bg-brand-900/50 dark:disabled:bg-slate-800 dark:disabled:text-slate-400 dark:disabled:ring-slate-700">
          Make default
        </button>
      )}
    </div>
  );
}

function ModelRowView(props: ModelRowProps) {
  const { entry, isDefault } = props;
  const unit = usePriceUnit();
  const tiers = describePriceTiers(entry.tiers, unit);
  return (
    <li
      data-model={entry.key}
      className={`rounded-xl p-4 ring-1 ring-slate-200 [contain-intrinsic-size:auto_11rem] [content-visibility:auto] md:rounded-none md:px-4 md:py-3 md:ring-0 md:[contain-intrinsic-size:auto_5rem] dark:ring-slate-800 ${ROW_GRID} ${isDefault ? 'bg-brand-50 dark:bg-brand-900/40' : 'bg-white dark:bg-slate-900'}`}
    >
      <div className="min-w-0">
        <h3 className="font-semibold break-words">{entry.name}</h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {entry.providerName} · <code className="font-mono break-all">{entry.id}</code>
        </p>
        <StatusBadges {...props} />
        {tiers.map((tier) => <p key={tier} className="mt-1 text-xs text-slate-600 dark:text-slate-400">Price {tier}</p>)}
        {entry.status === 'retired' ? <p className="sr-only">Retired models cannot be picked.</p> : null}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 md:contents">
        <Value label="Context window">{formatTokenCount(entry.contextWindow)}</Value>
        <Value label="Max output">{formatTokenCount(entry.maxOutputTokens)}</Value>
        <Value label={`Input ${priceUnitLabel(unit)} tokens`}>{formatTokenPrice(entry.inputCostPer1k, unit)}</Value>
        <Value label={`Output ${priceUnitLabel(unit)} tokens`}>{formatTokenPrice(entry.outputCostPer1k, unit)}</Value>
      </dl>
      <div className="mt-3 md:mt-0">
        <FeatureBadges features={entry.features} />
      </div>
      <ModelActions {...props} />
    </li>
  );
}

/** Memoised: typing in the search box re-renders only rows whose props changed. */
export const ModelRow = memo(ModelRowView);
