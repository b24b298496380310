// OpenAI models and prices (USD per 1K tokens), providers.md §7.1 and §7.2.
// Where providers.md gives no context window or max output, the value is the provider's published
// family default and GET /models stays authoritative.
import type { ProviderModel } from '../types';
import {
  LITELLM_VERIFIED, OPENAI_GPT5_EFFORTS, OPENAI_O_SERIES_EFFORTS, PROVIDERS_DOC_VERIFIED, TEXT_AND_TOOLS, TEXT_TOOLS_AND_VISION, createReasoning, shareOfPrice,
} from './model-features';

// Cached input (providers-reasoning.md §1.6): 10% of input for gpt-5.x, 25% for gpt-4.1, 50% for
// gpt-4o; GPT-5.6 bills cache writes at 1.25× input (unverified), earlier models at the input price.

/** GPT-5.x are reasoning models: they reject `temperature` (providers.md §2.2). */
function createGpt5Model(id: string, name: string, input: number, output: number, contextWindow: number): ProviderModel {
  return {
    id,
    name,
    contextWindow,
    maxOutputTokens: 128_000,
    inputCostPer1k: input,
    outputCostPer1k: output,
    features: TEXT_TOOLS_AND_VISION,
    status: 'active',
    lastVerified: LITELLM_VERIFIED,
    rejectsTemperature: true,
    cachedInputCostPer1k: shareOfPrice(input, 0.1),
    ...(id.startsWith('gpt-5.6') ? { cacheWriteCostPer1k: shareOfPrice(input, 1.25) } : {}),
    // Chat Completions streams no reasoning text for these (providers-reasoning.md §2.2).
    reasoning: createReasoning(OPENAI_GPT5_EFFORTS, false),
  };
}

/**
 * Models that answer only on POST /v1/responses (openai-node ResponsesModel; providers-reasoning.md
 * §1.1). Prices are OpenAI's launch list prices (verify against GET /models and the pricing page).
 */
function createResponsesOnlyModel(id: string, name: string, prices: { input: number; output: number }, efforts: ProviderModel['reasoning']): ProviderModel {
  return {
    id, name, contextWindow: id.startsWith('o') ? 200_000 : 400_000, maxOutputTokens: id.startsWith('o') ? 100_000 : 272_000,
    inputCostPer1k: prices.input, outputCostPer1k: prices.output, features: TEXT_TOOLS_AND_VISION,
    status: 'active', lastVerified: PROVIDERS_DOC_VERIFIED, rejectsTemperature: true, endpoint: 'responses',
    ...(efforts ? { reasoning: efforts } : {}),
  };
}

export const OPENAI_MODELS: ProviderModel[] = [
  // The seed's four, under the seed's names and prices.
  {
    id: 'gpt-4o', name: 'GPT-4o', contextWindow: 128_000, maxOutputTokens: 16_384,
    inputCostPer1k: 0.0025, outputCostPer1k: 0.01, cachedInputCostPer1k: 0.00125, features: TEXT_TOOLS_AND_VISION,
    status: 'active', lastVerified: LITELLM_VERIFIED,
  },
  {
    id: 'gpt-4o-mini', name: 'GPT-4o Mini', contextWindow: 128_000, maxOutputTokens: 16_384,
    inputCostPer1k: 0.00015, outputCostPer1k: 0.0006, cachedInputCostPer1k: 0.000075, features: TEXT_TOOLS_AND_VISION,
    status: 'active', lastVerified: LITELLM_VERIFIED,
  },
  {
    id: 'gpt-4-turbo', name: 'GPT-4 Turbo', contextWindow: 128_000, maxOutputTokens: 4_096,
    inputCostPer1k: 0.01, outputCostPer1k: 0.03, features: TEXT_TOOLS_AND_VISION,
    status: 'retired', retiredOn: '2026-10-23', lastVerified: LITELLM_VERIFIED,
  },
  {
    id: 'gpt-3.5-turbo', name: 'GPT-3.5 Turbo', contextWindow: 16_385, maxOutputTokens: 4_096,
    inputCostPer1k: 0.0005, outputCostPer1k: 0.0015, features: TEXT_AND_TOOLS,
    status: 'retired', retiredOn: '2026-10-23', lastVerified: LITELLM_VERIFIED,
  },
  // Current models (openai-node ChatModel, 2026-08-21).
  createGpt5Model('gpt-5.6-sol', 'GPT-5.6 Sol', 0.005, 0.03, 1_050_000),
  createGpt5Model('gpt-5.6-terra', 'GPT-5.6 Terra', 0.0025, 0.015, 400_000),
  createGpt5Model('gpt-5.6-luna', 'GPT-5.6 Luna', 0.001, 0.006, 400_000),
  createGpt5Model('gpt-5.5', 'GPT-5.5', 0.005, 0.03, 1_050_000),
  createGpt5Model('gpt-5.4', 'GPT-5.4', 0.0025, 0.015, 1_050_000),
  createGpt5Model('gpt-5.4-mini', 'GPT-5.4 Mini', 0.00075, 0.0045, 400_000),
  createGpt5Model('gpt-5.4-nano', 'GPT-5.4 Nano', 0.0002, 0.00125, 400_000),
  // gpt-5-pro takes only "high" effort (providers-reasoning.md §2.1).
  createResponsesOnlyModel('gpt-5-pro', 'GPT-5 Pro', { input: 0.015, output: 0.12 }, createReasoning(['high'], true)),
  createResponsesOnlyModel('o3-pro', 'o3-pro', { input: 0.02, output: 0.08 }, createReasoning(OPENAI_O_SERIES_EFFORTS, true)),
  {
    id: 'gpt-4.1', name: 'GPT-4.1', contextWindow: 1_047_576, maxOutputTokens: 32_768,
    inputCostPer1k: 0.002, outputCostPer1k: 0.008, cachedInputCostPer1k: 0.0005, features: TEXT_TOOLS_AND_VISION,
    status: 'active', lastVerified: LITELLM_VERIFIED,
  },
  {
    id: 'gpt-4.1-mini', name: 'GPT-4.1 Mini', contextWindow: 1_047_576, maxOutputTokens: 32_768,
    inputCostPer1k: 0.0004, outputCostPer1k: 0.0016, cachedInputCostPer1k: 0.0001, features: TEXT_TOOLS_AND_VISION,
    status: 'active', lastVerified: LITELLM_VERIFIED,
  },
];
