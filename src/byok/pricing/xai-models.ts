// xAI (Grok) models and prices (USD per 1K tokens), providers.md §7.1 and §7.2.
import type { ProviderModel } from '../types';
import { GROK_43_EFFORTS, GROK_45_EFFORTS, LITELLM_VERIFIED, TEXT_AND_TOOLS, TEXT_TOOLS_AND_VISION, createReasoning } from './model-features';

/** Published cached-input prices (providers-reasoning.md §5.4, big-AGI table); others bill at input. */
const GROK_CACHED_INPUT: Record<string, number> = { 'grok-4.3': 0.0002, 'grok-4.5': 0.0003 };

function createGrokModel(id: string, name: string, input: number, output: number, contextWindow: number): ProviderModel {
  const cached = GROK_CACHED_INPUT[id];
  return {
    id,
    name,
    contextWindow,
    // Not published in providers.md; xAI lets a reply use the rest of the window.
    maxOutputTokens: 131_072,
    inputCostPer1k: input,
    outputCostPer1k: output,
    ...(cached === undefined ? {} : { cachedInputCostPer1k: cached }),
    features: TEXT_TOOLS_AND_VISION,
    status: 'active',
    lastVerified: LITELLM_VERIFIED,
  };
}

export const XAI_MODELS: ProviderModel[] = [
  // The seed's two, under the seed's names and prices. Grok 2's exact shutdown date is not known
  // (reports range from Sep 2025 to Mar 2026), so it carries no retiredOn.
  {
    id: 'grok-2-1212', name: 'Grok 2', contextWindow: 131_072, maxOutputTokens: 131_072,
    inputCostPer1k: 0.002, outputCostPer1k: 0.01, features: TEXT_AND_TOOLS,
    status: 'retired', lastVerified: LITELLM_VERIFIED,
  },
  {
    id: 'grok-2-vision-1212', name: 'Grok 2 Vision', contextWindow: 32_768, maxOutputTokens: 32_768,
    inputCostPer1k: 0.002, outputCostPer1k: 0.01, features: TEXT_TOOLS_AND_VISION,
    status: 'retired', retiredOn: '2026-02-28', lastVerified: LITELLM_VERIFIED,
  },
  // Current models (@ai-sdk/xai XaiChatModelId).
  // reasoning_content on Chat Completions is optional for grok-4 models (providers-reasoning.md §5.3).
  { ...createGrokModel('grok-4.5', 'Grok 4.5', 0.002, 0.006, 500_000), reasoning: createReasoning(GROK_45_EFFORTS, false) },
  { ...createGrokModel('grok-4.3', 'Grok 4.3', 0.00125, 0.0025, 1_000_000), reasoning: createReasoning(GROK_43_EFFORTS, false) },
  // Rejects reasoning_effort for every value, even "none" (§5.2).
  { ...createGrokModel('grok-4.20-reasoning', 'Grok 4.20 Reasoning', 0.002, 0.006, 2_000_000), reasoning: createReasoning([], false) },
  createGrokModel('grok-4.20-non-reasoning', 'Grok 4.20', 0.002, 0.006, 2_000_000),
];
