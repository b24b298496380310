// Filtering, search and sorting of the catalogue: pure functions, memoised by the screen.
import type { BYOKProvider } from '../../byok/types';
import type { CatalogueEntry } from './catalogue-entry';

export type CatalogueSort = 'provider' | 'input-price' | 'output-price' | 'context-window';
export type FeatureFilter = 'vision' | 'functionCalling';

export interface CatalogueQuery {
  /** null: every provider. */
  provider: BYOKProvider | null;
  /** Every listed feature must be supported. */
  features: FeatureFilter[];
  /** When set, only models of these providers (the ones with a usable key). */
  onlyProviders: ReadonlySet<BYOKProvider> | null;
  search: string;
  sort: CatalogueSort;
  /** Retired models are hidden unless asked for: they cannot be picked, only explain old costs. */
  showRetired: boolean;
}

export const DEFAULT_QUERY: CatalogueQuery = { provider: null, features: [], onlyProviders: null, search: '', sort: 'provider', showRetired: false };

/** Case-insensitive; every word must appear in the name or the API id, in any order ("4o mini"). */
export function matchesSearch(entry: CatalogueEntry, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${entry.name} ${entry.id}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function hasFeatures(entry: CatalogueEntry, features: FeatureFilter[]): boolean {
  // A model whose features are unknown cannot be promised to support any of them.
  return features.every((feature) => entry.features?.[feature] === true);
}

export function filterCatalogue(entries: readonly CatalogueEntry[], query: CatalogueQuery): CatalogueEntry[] {
  return entries.filter(
    (entry) =>
      (query.provider === null || entry.provider === query.provider) &&
      (query.onlyProviders === null || query.onlyProviders.has(entry.provider)) &&
      hasFeatures(entry, query.features) &&
      (query.showRetired || entry.status !== 'retired') &&
      matchesSearch(entry, query.search),
  );
}

/** Unknown values sort last whatever the direction: "price unknown" is not "free". */
function compareKnownFirst(first: number | null, second: number | null, direction: 1 | -1): number {
  if (first === null && second === null) return 0;
  if (first === null) return 1;
  if (second === null) return -1;
  return (first - second) * direction;
}

function readSortValue(entry: CatalogueEntry, sort: Exclude<CatalogueSort, 'provider'>): number | null {
  if (sort === 'input-price') return entry.inputCostPer1k;
  if (sort === 'output-price') return entry.outputCostPer1k;
  return entry.contextWindow;
}

/**
 * Prices sort cheapest first, context windows largest first (what people look for). Ties keep
 * the catalogue order (Array.prototype.sort is stable), so the result never flickers.
 */
export function sortCatalogue(entries: readonly CatalogueEntry[], sort: CatalogueSort): CatalogueEntry[] {
  const direction = sort === 'context-window' ? -1 : 1;
  // Retired models always come last: a cheap or huge model nobody can use is not an answer.
  const retiredLast = (first: CatalogueEntry, second: CatalogueEntry) => Number(first.status === 'retired') - Number(second.status === 'retired');
  if (sort === 'provider') return [...entries].sort(retiredLast);
  return [...entries].sort((first, second) => retiredLast(first, second) || compareKnownFirst(readSortValue(first, sort), readSortValue(second, sort), direction));
}

export function queryCatalogue(entries: readonly CatalogueEntry[], query: CatalogueQuery): CatalogueEntry[] {
  return sortCatalogue(filterCatalogue(entries, query), query.sort);
}
