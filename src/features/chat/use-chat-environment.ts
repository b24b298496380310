// What the chat screen needs from outside the feature: whether the vault is open, which providers
// have a key, the models those keys can use, and the model new chats start with.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { isVaultUnlocked, listKeys, onVaultLocked } from '../../byok/api-key-manager';
import { PROVIDERS, findModel, getProviderModels } from '../../byok/provider-config';
import { BYOK_PROVIDERS, type BYOKProvider, type ModelFeatures } from '../../byok/types';
import { readPreference, type ModelChoice } from '../../lib/preferences';
import type { ModelSelection } from './chat-conversation-actions';

/**
 * One model the chat can send to. The same shape as a Models-screen catalogue entry (app/ passes
 * those in), so a model only the provider's live list knows is pickable here too.
 */
export interface ChatModelOption {
  provider: BYOKProvider;
  providerName: string;
  id: string;
  name: string;
  /** null when only the provider's list knows the model and it did not say. */
  contextWindow: number | null;
  /** USD per 1K tokens; null: price unknown. */
  inputCostPer1k: number | null;
  outputCostPer1k: number | null;
  features: ModelFeatures | null;
  status: 'active' | 'retired';
}

export interface ChatEnvironment {
  unlocked: boolean;
  /** null until the key list has been read. */
  keyedProviders: BYOKProvider[] | null;
  models: ChatModelOption[];
  defaultSelection: ModelSelection | null;
}

function subscribeToVaultLock(onChange: () => void): () => void {
  return onVaultLocked(() => onChange());
}

/** Active models of the pricing table for the providers that have a key, in provider order. */
export function listAvailableModels(providers: BYOKProvider[]): ChatModelOption[] {
  return BYOK_PROVIDERS.filter((provider) => providers.includes(provider)).flatMap((provider) =>
    getProviderModels(provider)
      .filter((model) => model.status === 'active')
      .map((model) => ({
        provider, providerName: PROVIDERS[provider].displayName, id: model.id, name: model.name, contextWindow: model.contextWindow,
        inputCostPer1k: model.inputCostPer1k, outputCostPer1k: model.outputCostPer1k, features: model.features, status: model.status,
      })),
  );
}

/**
 * The model a new chat starts with. The stored default is honoured whenever its provider has a
 * key and the pricing table does not call it retired, even before a live list that names it has
 * arrived: it was pickable when it was chosen, and silently sending to another model is worse.
 */
export function chooseDefaultSelection(models: ChatModelOption[], preferred: ModelChoice | null, keyedProviders: BYOKProvider[] = models.map((entry) => entry.provider)): ModelSelection | null {
  if (preferred && keyedProviders.includes(preferred.provider) && findModel(preferred.provider, preferred.modelId)?.status !== 'retired') {
    return { provider: preferred.provider, model: preferred.modelId };
  }
  const chosen = models.find((entry) => entry.status === 'active');
  return chosen ? { provider: chosen.provider, model: chosen.id } : null;
}

/** `suppliedModels`: the catalogue app/ built (live lists included); the pricing table otherwise. */
export function useChatEnvironment(suppliedModels?: ChatModelOption[]): ChatEnvironment {
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

  const models = useMemo(() => {
    const keyed = keyedProviders ?? [];
    if (!suppliedModels) return listAvailableModels(keyed);
    return suppliedModels.filter((entry) => keyed.includes(entry.provider) && entry.status === 'active');
  }, [keyedProviders, suppliedModels]);
  const defaultSelection = useMemo(
    () => (preferred === undefined || keyedProviders === null ? null : chooseDefaultSelection(models, preferred, keyedProviders)),
    [models, preferred, keyedProviders],
  );
  return { unlocked, keyedProviders: unlocked ? keyedProviders : null, models, defaultSelection };
}
