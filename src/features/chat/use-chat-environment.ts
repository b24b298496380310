// What the chat screen needs from outside the feature: whether the vault is open, which providers
// have a key, the models those keys can use, and the model new chats start with.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { isVaultUnlocked, listKeys, onVaultLocked } from '../../byok/api-key-manager';
import { PROVIDERS, getProviderModels } from '../../byok/provider-config';
import { BYOK_PROVIDERS, type BYOKProvider, type ProviderModel } from '../../byok/types';
import { readPreference, type ModelChoice } from '../../lib/preferences';
import type { ModelSelection } from './chat-conversation-actions';

export interface AvailableModel {
  provider: BYOKProvider;
  providerName: string;
  model: ProviderModel;
}

export interface ChatEnvironment {
  unlocked: boolean;
  /** null until the key list has been read. */
  keyedProviders: BYOKProvider[] | null;
  models: AvailableModel[];
  defaultSelection: ModelSelection | null;
}

function subscribeToVaultLock(onChange: () => void): () => void {
  return onVaultLocked(() => onChange());
}

/** Active, priced models of the providers that have a key, in provider order. */
export function listAvailableModels(providers: BYOKProvider[]): AvailableModel[] {
  return BYOK_PROVIDERS.filter((provider) => providers.includes(provider)).flatMap((provider) =>
    getProviderModels(provider)
      .filter((model) => model.status === 'active')
      .map((model) => ({ provider, providerName: PROVIDERS[provider].displayName, model })),
  );
}

export function chooseDefaultSelection(models: AvailableModel[], preferred: ModelChoice | null): ModelSelection | null {
  const match = preferred && models.find((entry) => entry.provider === preferred.provider && entry.model.id === preferred.modelId);
  const chosen = match || models[0];
  return chosen ? { provider: chosen.provider, model: chosen.model.id } : null;
}

export function useChatEnvironment(): ChatEnvironment {
  const unlocked = useSyncExternalStore(subscribeToVaultLock, isVaultUnlocked, () => false);
  const [keyedProviders, setKeyedProviders] = useState<BYOKProvider[] | null>(null);
  const [preferred, setPreferred] = useState<ModelChoice | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    void readPreference('defaultModel').then((stored) => current && setPreferred(stored));
    if (unlocked) {
      void listKeys()
        .then((keys) => current && setKeyedProviders(keys.map((key) => key.provider)))
        .catch(() => current && setKeyedProviders([]));
    }
    return () => {
      current = false;
    };
  }, [unlocked]);

  const models = useMemo(() => listAvailableModels(keyedProviders ?? []), [keyedProviders]);
  const defaultSelection = useMemo(() => (preferred === undefined ? null : chooseDefaultSelection(models, preferred)), [models, preferred]);
  return { unlocked, keyedProviders: unlocked ? keyedProviders : null, models, defaultSelection };
}
