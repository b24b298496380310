// The catalogue the screen shows: the pricing table merged with the live lists of every provider
// that has a verified key. Subscribes and forwards; the merging itself is merge-remote-models.ts.
import { useCallback, useMemo } from 'react';
import { useQueries, useQuery, useQueryClient, type QueryObserverResult } from '@tanstack/react-query';
import { describeError } from '../../byok/describe-error';
import { PROVIDERS } from '../../byok/provider-config';
import { PRICING_TABLE } from '../../byok/pricing-table';
import type { RemoteModel } from '../../byok/providers/provider-adapter';
import { BYOK_PROVIDERS, type BYOKProvider, type StoredKey } from '../../byok/types';
import { useOnlineStatus } from '../../lib/use-online-status';
import type { CatalogueEntry } from './catalogue-entry';
import { mergeRemoteModels, type ProviderNames, type RemoteModelLists } from './merge-remote-models';
import { remoteModelsQueryOptions, selectUsableProviders, selectVerifiedKeys, storedKeysQueryOptions } from './remote-models-query';
import { useVaultUnlocked } from './use-vault-unlocked';

export interface LiveListFailure {
  provider: BYOKProvider;
  providerName: string;
  reason: string;
}

export interface LiveListSummary {
  /** Providers whose live list is merged in (fresh or from earlier in this session). */
  merged: BYOKProvider[];
  loading: BYOKProvider[];
  failures: LiveListFailure[];
  /** ms timestamp of the oldest merged list, null when none is merged. */
  updatedAt: number | null;
}

export interface ModelCatalogue {
  entries: CatalogueEntry[];
  vaultUnlocked: boolean;
  online: boolean;
  /** Providers with a stored key the provider has not rejected. */
  keyedProviders: ReadonlySet<BYOKProvider>;
  /** Providers with a verified key, whose live list is asked for. */
  verifiedProviders: BYOKProvider[];
  live: LiveListSummary;
  refresh(): void;
}

const PROVIDER_NAMES = Object.fromEntries(BYOK_PROVIDERS.map((provider) => [provider, PROVIDERS[provider].displayName])) as ProviderNames;
const NO_KEYS: StoredKey[] = [];

function summariseLiveLists(keys: StoredKey[], results: QueryObserverResult<RemoteModel[]>[]): { lists: RemoteModelLists; summary: LiveListSummary } {
  const lists: RemoteModelLists = {};
  const summary: LiveListSummary = { merged: [], loading: [], failures: [], updatedAt: null };
  results.forEach((result, index) => {
    const provider = keys[index]!.provider;
    if (result.data) {
      lists[provider] = result.data;
      summary.merged.push(provider);
      summary.updatedAt = Math.min(summary.updatedAt ?? Infinity, result.dataUpdatedAt);
    }
    if (result.fetchStatus === 'fetching') summary.loading.push(provider);
    else if (result.error) {
      const description = describeError(result.error);
      summary.failures.push({ provider, providerName: PROVIDER_NAMES[provider], reason: `${description.title}. ${description.detail}` });
    }
  });
  return { lists, summary };
}

export function useModelCatalogue(): ModelCatalogue {
  const vaultUnlocked = useVaultUnlocked();
  const online = useOnlineStatus();
  const queryClient = useQueryClient();
  const keysQuery = useQuery(storedKeysQueryOptions(vaultUnlocked));
  const keys = vaultUnlocked ? (keysQuery.data ?? NO_KEYS) : NO_KEYS;
  const verifiedKeys = useMemo(() => selectVerifiedKeys(keys), [keys]);
  const keyedProviders = useMemo(() => selectUsableProviders(keys), [keys]);

  const combine = useCallback((results: QueryObserverResult<RemoteModel[]>[]) => summariseLiveLists(verifiedKeys, results), [verifiedKeys]);
  const { lists, summary } = useQueries({
    // Offline, nothing is asked for: lists fetched earlier in the session stay merged.
    queries: verifiedKeys.map((key) => ({ ...remoteModelsQueryOptions(key.provider, key.baseUrl), enabled: online })),
    combine,
  });

  const entries = useMemo(() => mergeRemoteModels(PRICING_TABLE, lists, PROVIDER_NAMES), [lists]);
  const verifiedProviders = useMemo(() => verifiedKeys.map((key) => key.provider), [verifiedKeys]);

  const refresh = useCallback(() => {
    void queryClient.refetchQueries({ queryKey: ['models'], type: 'active' });
  }, [queryClient]);

  return { entries, vaultUnlocked, online, keyedProviders, verifiedProviders, live: summary, refresh };
}
