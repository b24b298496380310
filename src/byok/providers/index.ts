// The adapter registry: the one module that knows all five providers. It also hands each adapter
// what the catalogue knows about a model, so provider folders never read the catalogue.
import { findModel } from '../provider-config';
import type { BYOKProvider } from '../types';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter';
import { createGoogleAdapter } from './google/google-adapter';
import { createMistralAdapter } from './mistral/mistral-adapter';
import { createOpenAIAdapter } from './openai/openai-adapter';
import type { ProviderAdapter } from './provider-adapter';
import type { AdapterOptions, ModelHints } from './shared/model-hints';
import { createXaiAdapter } from './xai/xai-adapter';

const ADAPTER_FACTORIES: Record<BYOKProvider, (options: AdapterOptions) => ProviderAdapter> = {
  openai: createOpenAIAdapter,
  anthropic: createAnthropicAdapter,
  google: createGoogleAdapter,
  xai: createXaiAdapter,
  mistral: createMistralAdapter,
};

const adapters = new Map<BYOKProvider, ProviderAdapter>();

/** What the catalogue knows about a model, as the adapters get it (exported for the contract tests). */
export function describeCatalogueModel(provider: BYOKProvider, modelId: string): ModelHints | undefined {
  const model = findModel(provider, modelId);
  if (!model) return undefined;
  const hints: ModelHints = { maxOutputTokens: model.maxOutputTokens, vision: model.features.vision };
  if (model.rejectsTemperature !== undefined) hints.rejectsTemperature = model.rejectsTemperature;
  if (model.reasoning) hints.reasoning = model.reasoning;
  if (model.endpoint) hints.endpoint = model.endpoint;
  return hints;
}

export function getProviderAdapter(provider: BYOKProvider): ProviderAdapter {
  const existing = adapters.get(provider);
  if (existing) return existing;
  const adapter = ADAPTER_FACTORIES[provider]({ describeModel: (modelId) => describeCatalogueModel(provider, modelId) });
  adapters.set(provider, adapter);
  return adapter;
}
