import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { PROVIDERS } from '../../byok/provider-config';
import type { ModelChoice } from '../../lib/preferences';
import type { CatalogueEntry } from './catalogue-entry';
import { DEFAULT_QUERY, queryCatalogue, type CatalogueQuery } from './catalogue-filter';
import { CatalogueFilters, type CatalogueFilterValues } from './catalogue-filters';
import { PriceUnitSwitch } from './price-unit-switch';
import { LiveListStatus } from './live-list-status';
import { ComparisonBar, ModelComparison } from './model-comparison';
import { ModelList } from './model-list';
import { useDefaultModel } from './use-default-model';
import { useModelCatalogue, type ModelCatalogue } from './use-model-catalogue';

const INITIAL_FILTERS: CatalogueFilterValues = { ...DEFAULT_QUERY, onlyWithKey: false };

function toQuery(filters: CatalogueFilterValues, vaultUnlocked: boolean, keyedProviders: ModelCatalogue['keyedProviders']): CatalogueQuery {
  const { onlyWithKey, ...rest } = filters;
  // While the vault is locked nobody can know which keys exist: the filter is off, not "nothing".
  return { ...rest, onlyProviders: onlyWithKey && vaultUnlocked ? keyedProviders : null };
}

function DefaultModelSummary({ defaultModel, loaded, entries }: { defaultModel: ModelChoice | null; loaded: boolean; entries: CatalogueEntry[] }) {
  if (!loaded) return <p className="text-sm text-slate-600 dark:text-slate-300">Reading your default model…</p>;
  if (!defaultModel) return <p className="text-sm text-slate-600 dark:text-slate-300">No default model yet: pick one below with “Make default”.</p>;
  const entry = entries.find((candidate) => candidate.provider === defaultModel.provider && candidate.id === defaultModel.modelId);
  return (
    <p className="text-sm text-slate-700 dark:text-slate-200">
      New chats use <strong data-testid="default-model-name">{entry?.name ?? defaultModel.modelId}</strong> ({PROVIDERS[defaultModel.provider].displayName}).
      {entry?.status === 'retired' ? ' That model is retired: pick another one.' : ''}
    </p>
  );
}

export function ModelsScreen() {
  const catalogue = useModelCatalogue();
  const { defaultModel, loaded, chooseDefaultModel } = useDefaultModel();
  const [filters, setFilters] = useState(INITIAL_FILTERS);
  const [comparedKeys, setComparedKeys] = useState<readonly string[]>([]);
  const [announcement, setAnnouncement] = useState('');

  // Typing stays responsive: the list follows the input at a lower priority.
  const deferredFilters = useDeferredValue(filters);
  const { vaultUnlocked, keyedProviders } = catalogue;
  const query = useMemo(() => toQuery(deferredFilters, vaultUnlocked, keyedProviders), [deferredFilters, vaultUnlocked, keyedProviders]);
  const visibleEntries = useMemo(() => queryCatalogue(catalogue.entries, query), [catalogue.entries, query]);
  const comparedEntries = useMemo(
    () => comparedKeys.flatMap((key) => catalogue.entries.filter((entry) => entry.key === key)),
    [comparedKeys, catalogue.entries],
  );

  const pickModel = useCallback(
    async (entry: CatalogueEntry) => {
      await chooseDefaultModel({ provider: entry.provider, modelId: entry.id });
      setAnnouncement(`${entry.name} (${entry.providerName}) is now the default for new chats.`);
    },
    [chooseDefaultModel],
  );
  const updateComparedKeys = useCallback((update: (keys: readonly string[]) => readonly string[]) => setComparedKeys(update), []);
  const removeCompared = useCallback((entry: CatalogueEntry) => setComparedKeys((keys) => keys.filter((key) => key !== entry.key)), []);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Models</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Every model with its price in US dollars per 1,000 tokens. Pick the one new chats should use.
        </p>
        <div className="mt-2"><DefaultModelSummary defaultModel={defaultModel} loaded={loaded} entries={catalogue.entries} /></div>
      </div>
      <LiveListStatus online={catalogue.online} vaultUnlocked={catalogue.vaultUnlocked} verifiedProviders={catalogue.verifiedProviders} live={catalogue.live} onRefresh={catalogue.refresh} />
      <CatalogueFilters values={filters} vaultUnlocked={catalogue.vaultUnlocked} onChange={setFilters} />
      <PriceUnitSwitch />
      {comparedEntries.length > 0 ? <ModelComparison entries={comparedEntries} onRemove={removeCompared} onClear={() => setComparedKeys([])} /> : null}
      <section aria-labelledby="catalogue-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="catalogue-heading" className="text-lg font-semibold">Catalogue</h2>
          <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
            {visibleEntries.length === catalogue.entries.length ? `${visibleEntries.length} models` : `${visibleEntries.length} of ${catalogue.entries.length} models match`}
          </p>
        </div>
        {visibleEntries.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
            No model matches these filters. Clear the search or a filter to see more.
          </p>
        ) : (
          <ModelList entries={visibleEntries} defaultModel={defaultModel} keyedProviders={catalogue.keyedProviders} comparedKeys={comparedKeys} onPick={pickModel} onComparedKeysChange={updateComparedKeys} />
        )}
      </section>
      {comparedEntries.length > 0 ? <ComparisonBar count={comparedEntries.length} /> : null}
      <p role="status" className="sr-only">{announcement}</p>
    </div>
  );
}
