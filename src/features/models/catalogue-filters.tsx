import { useId } from 'react';
import { PROVIDERS } from '../../byok/provider-config';
import { BYOK_PROVIDERS, type BYOKProvider } from '../../byok/types';
import type { CatalogueQuery, CatalogueSort, FeatureFilter } from './catalogue-filter';

export interface CatalogueFilterValues extends Omit<CatalogueQuery, 'onlyProviders'> {
  onlyWithKey: boolean;
}

export interface CatalogueFiltersProps {
  values: CatalogueFilterValues;
  vaultUnlocked: boolean;
  onChange(values: CatalogueFilterValues): void;
}

const SORT_LABELS: Record<CatalogueSort, string> = {
  provider: 'Provider',
  'input-price': 'Input price (lowest first)',
  'output-price': 'Output price (lowest first)',
  'context-window': 'Context window (largest first)',
};

const FEATURE_LABELS: Record<FeatureFilter, string> = { vision: 'Vision', functionCalling: 'Function calling' };

const FIELD = 'w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600 dark:focus:ring-brand-400';
const LABEL = 'mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300';
const CHECK = 'size-4 rounded border-slate-400 accent-brand-600 dark:accent-brand-400';

export function CatalogueFilters({ values, vaultUnlocked, onChange }: CatalogueFiltersProps) {
  const id = useId();
  const lockedHintId = `${id}-locked`;

  function toggleFeature(feature: FeatureFilter, checked: boolean) {
    const features = checked ? [...values.features, feature] : values.features.filter((candidate) => candidate !== feature);
    onChange({ ...values, features });
  }

  return (
    <form role="search" aria-label="Filter models" className="grid gap-3 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1.3fr] dark:bg-slate-900 dark:ring-slate-800" onSubmit={(event) => event.preventDefault()}>
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor={`${id}-search`} className={LABEL}>Search models</label>
        <input id={`${id}-search`} type="search" value={values.search} placeholder="Name or API id, e.g. gpt-4o" autoComplete="off" spellCheck={false}
          className={FIELD} onChange={(event) => onChange({ ...values, search: event.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-provider`} className={LABEL}>Provider</label>
        <select id={`${id}-provider`} value={values.provider ?? ''} className={FIELD}
          onChange={(event) => onChange({ ...values, provider: (event.target.value || null) as BYOKProvider | null })}>
          <option value="">All providers</option>
          {BYOK_PROVIDERS.map((provider) => <option key={provider} value={provider}>{PROVIDERS[provider].displayName}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-sort`} className={LABEL}>Sort by</label>
        <select id={`${id}-sort`} value={values.sort} className={FIELD} onChange={(event) => onChange({ ...values, sort: event.target.value as CatalogueSort })}>
          {(Object.keys(SORT_LABELS) as CatalogueSort[]).map((sort) => <option key={sort} value={sort}>{SORT_LABELS[sort]}</option>)}
        </select>
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-5 gap-y-2 sm:col-span-2 lg:col-span-3">
        <legend className="sr-only">Show only</legend>
        {(Object.keys(FEATURE_LABELS) as FeatureFilter[]).map((feature) => (
          <label key={feature} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" className={CHECK} checked={values.features.includes(feature)} onChange={(event) => toggleFeature(feature, event.target.checked)} />
            {FEATURE_LABELS[feature]}
          </label>
        ))}
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" className={CHECK} checked={values.showRetired} onChange={(event) => onChange({ ...values, showRetired: event.target.checked })} />
          Show retired
        </label>
        <label className="inline-flex items-center gap-2 text-sm has-disabled:text-slate-500 dark:has-disabled:text-slate-400">
          <input type="checkbox" className={CHECK} checked={vaultUnlocked && values.onlyWithKey} disabled={!vaultUnlocked}
            aria-describedby={vaultUnlocked ? undefined : lockedHintId} onChange={(event) => onChange({ ...values, onlyWithKey: event.target.checked })} />
          Has a key
        </label>
        {vaultUnlocked ? null : (
          <span id={lockedHintId} className="text-xs text-slate-600 dark:text-slate-400">
            Unlock the vault to filter by the providers you have a key for.
          </span>
        )}
      </fieldset>
    </form>
  );
}
