// Mistral models and prices (USD per 1K tokens), providers.md §7.1 and §7.2.
import type { ModelFeatures, ProviderModel } from '../types';
import {
  LITELLM_VERIFIED, MISTRAL_ADJUSTABLE_EFFORTS, PROVIDERS_DOC_VERIFIED, TEXT_AND_TOOLS, TEXT_TOOLS_AND_VISION, createReasoning, shareOfPrice,
} from './model-features';

function createMistralModel(
  id: string,
  name: string,
  prices: { input: number; output: number },
  contextWindow: number,
  features: ModelFeatures = TEXT_AND_TOOLS,
): ProviderModel {
  return {
    id,
    name,
    contextWindow,
    // Mistral publishes no separate output cap: a reply may use the rest of the window.
    maxOutputTokens: contextWindow,
    inputCostPer1k: prices.input,
    outputCostPer1k: prices.output,
    // Cached input is 10% of input on every priced model (providers-reasoning.md §6.4).
    cachedInputCostPer1k: shareOfPrice(prices.input, 0.1),
    features,
    status: 'active',
    lastVerified: LITELLM_VERIFIED,
  };
}

export const MISTRAL_MODELS: ProviderModel[] = [
  // The seed's three, under the seed's names. "Mistral Large" is the seed's mistral-large-2411
  // at the seed's price; today's mistral-large-latest (Large 3) is its own entry below.
  { ...createMistralModel('mistral-large-2411', 'Mistral Large', { input: 0.002, output: 0.006 }, 128_000), lastVerified: PROVIDERS_DOC_VERIFIED },
  // providers.md gives $0.00006–$0.0001 input (verify); the higher figure keeps budgets on the safe side.
  // Small 4 and Medium 3.5 take reasoning_effort high|none; Magistral always thinks (providers-reasoning.md §6.1).
  {
    ...createMistralModel('mistral-small-latest', 'Mistral Small', { input: 0.0001, output: 0.0003 }, 131_072),
    lastVerified: PROVIDERS_DOC_VERIFIED, reasoning: createReasoning(MISTRAL_ADJUSTABLE_EFFORTS, true),
  },
  // Missing from the 2026 SDK list: treated as retired, date unknown (providers.md §7.1).
  {
    ...createMistralModel('open-mistral-7b', 'Mistral 7B', { input: 0.00025, output: 0.00025 }, 32_000),
    maxOutputTokens: 8_191, status: 'retired', lastVerified: PROVIDERS_DOC_VERIFIED,
  },
  // Current models (@ai-sdk/mistral MistralChatModelId).
  createMistralModel('mistral-large-latest', 'Mistral Large 3', { input: 0.0005, output: 0.0015 }, 262_144, TEXT_TOOLS_AND_VISION),
  {
    ...createMistralModel('mistral-medium-2604', 'Mistral Medium 3.5', { input: 0.0015, output: 0.0075 }, 262_144, TEXT_TOOLS_AND_VISION),
    reasoning: createReasoning(MISTRAL_ADJUSTABLE_EFFORTS, true),
  },
  { ...createMistralModel('magistral-medium-latest', 'Magistral Medium', { input: 0.002, output: 0.005 }, 131_072), reasoning: createReasoning([], true) },
  createMistralModel('devstral-latest', 'Devstral', { input: 0.0004, output: 0.002 }, 262_144),
  createMistralModel('ministral-8b-latest', 'Ministral 8B', { input: 0.00015, output: 0.00015 }, 131_072),
  createMistralModel('pixtral-large-latest', 'Pixtral Large', { input: 0.002, output: 0.006 }, 131_072, TEXT_TOOLS_AND_VISION),
];
