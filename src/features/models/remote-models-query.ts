// The providers' own GET /models lists and the stored key metadata, as React Query options kept
// next to their fetchers (docs/style.md §10).
import { queryOptions } from '@tanstack/react-query';
import { getKeyCredentials, listKeys } from '../../byok/api-key-manager';
import { getProviderAdapter } from '../../byok/providers';
import type { RemoteModel } from '../../byok/providers/provider-adapter';
import type { BYOKProvider, StoredKey } from '../../byok/types';

/**
 * The key is decrypted just for this request and never kept (security: no key in the query cache),
 * and goes only to the endpoint it is bound to: a `baseUrl` that differs is refused by the vault.
 */
export async function fetchRemoteModels(provider: BYOKProvider, baseUrl: string, signal?: AbortSignal): Promise<RemoteModel[]> {
  const credentials = await getKeyCredentials(provider, baseUrl);
  return getProviderAdapter(provider).listModels({ ...credentials, ...(signal ? { signal } : {}) });
}

export function remoteModelsQueryOptions(provider: BYOKProvider, baseUrl: string) {
  return queryOptions({
    // The endpoint is part of the key: a key moved to another gateway lists other models.
    queryKey: ['models', 'remote-list', provider, baseUrl] as const,
    queryFn: ({ signal }) => fetchRemoteModels(provider, baseUrl, signal),
    // Cached for the session; the "Refresh" button refetches on demand.
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

export function storedKeysQueryOptions(vaultUnlocked: boolean) {
  return queryOptions({
    queryKey: ['models', 'stored-keys', vaultUnlocked] as const,
    queryFn: (): Promise<StoredKey[]> => listKeys(),
    enabled: vaultUnlocked,
    // Local and cheap: re-read whenever the screen opens, so a key added in the vault shows at once.
    staleTime: 0,
    retry: false,
  });
}

/** A key counts for "has a key" unless the provider rejected it. */
export function selectUsableProviders(keys: readonly StoredKey[]): Set<BYOKProvider> {
  return new Set(keys.filter((key) => key.verification !== 'invalid').map((key) => key.provider));
}

/** Only verified keys are used for live lists: an unverified key would just fail again. */
export function selectVerifiedKeys(keys: readonly StoredKey[]): StoredKey[] {
  return keys.filter((key) => key.verification === 'verified');
}
