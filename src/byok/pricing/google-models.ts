// Gemini models and prices (USD per 1K tokens), providers.md §7.1 and §7.2.
// Every current Gemini model has a 1,048,576-token context; 65,536 max output is the published
// default of the 2.5+ families (GET /models `outputTokenLimit` stays authoritative).
import type { PriceTier, ProviderModel } from '../types';
import {
  GEMINI_25_EFFORTS, GEMINI_FLASH_EFFORTS, GEMINI_PRO_EFFORTS, LITELLM_VERIFIED, PROVIDERS_DOC_VERIFIED, TEXT_TOOLS_AND_VISION, createReasoning, shareOfPrice,
} from './model-features';

const GEMINI_CONTEXT = 1_048_576;
const GEMINI_MAX_OUTPUT = 65_536;

function createGeminiModel(id: string, name: string, input: number, output: number, tiers?: PriceTier[]): ProviderModel {
  return {
    id,
    name,
    contextWindow: GEMINI_CONTEXT,
    maxOutputTokens: GEMINI_MAX_OUTPUT,
    inputCostPer1k: input,
    outputCostPer1k: output,
    // Implicit-cache reads cost about 10% of input on 2.5 and 3.x (providers-reasoning.md §4.4).
    cachedInputCostPer1k: shareOfPrice(input, 0.1),
    features: TEXT_TOOLS_AND_VISION,
    status: 'active',
    lastVerified: LITELLM_VERIFIED,
    ...(tiers ? { tiers } : {}),
    // Every 2.5 and 3.x model thinks; thought summaries need includeThoughts (providers-reasoning.md §4.1).
    reasoning: createReasoning(geminiEfforts(id), true),
  };
}

/** Pro models cannot turn thinking off; 2.5 Flash can (budget 0); 3.x Flash goes down to minimal. */
function geminiEfforts(id: string) {
  if (id.includes('-pro')) return GEMINI_PRO_EFFORTS;
  return id.startsWith('gemini-2.5') ? GEMINI_25_EFFORTS : GEMINI_FLASH_EFFORTS;
}

/**
 * The 2.5 family's end of life was moved to 2026-10-16 (providers.md §7.2, mozilla/sumo#2794),
 * which is before the doc's research date, so they are listed as retired; GET /models decides.
 */
function retireOn(model: ProviderModel, date: string): ProviderModel {
  return { ...model, status: 'retired', retiredOn: date };
}

export const GOOGLE_MODELS: ProviderModel[] = [
  // The seed's two, under the seed's names and prices; the over-128k tiers from providers.md §7.1.
  {
    id: 'gemini-1.5-pro', name: 'Gemini 1.5 Pro', contextWindow: 2_097_152, maxOutputTokens: 8_192,
    inputCostPer1k: 0.00125, outputCostPer1k: 0.00375, features: TEXT_TOOLS_AND_VISION,
    tiers: [{ aboveInputTokens: 128_000, inputCostPer1k: 0.0025, outputCostPer1k: 0.01 }],
    status: 'retired', retiredOn: '2025-09-24', lastVerified: '2026-05-31',
  },
  {
    id: 'gemini-1.5-flash', name: 'Gemini 1.5 Flash', contextWindow: 1_048_576, maxOutputTokens: 8_192,
    inputCostPer1k: 0.000075, outputCostPer1k: 0.0003, features: TEXT_TOOLS_AND_VISION,
    tiers: [{ aboveInputTokens: 128_000, inputCostPer1k: 0.00015, outputCostPer1k: 0.0006 }],
    status: 'retired', retiredOn: '2025-09-24', lastVerified: PROVIDERS_DOC_VERIFIED,
  },
  // Current models (@ai-sdk/google GoogleModelId, 2026-08).
  createGeminiModel('gemini-3.1-pro-preview', 'Gemini 3.1 Pro (preview)', 0.002, 0.012, [
    { aboveInputTokens: 200_000, inputCostPer1k: 0.004, outputCostPer1k: 0.018 },
  ]),
  createGeminiModel('gemini-3-flash-preview', 'Gemini 3 Flash (preview)', 0.0005, 0.003),
  createGeminiModel('gemini-3.5-flash', 'Gemini 3.5 Flash', 0.0015, 0.009),
  createGeminiModel('gemini-3.5-flash-lite', 'Gemini 3.5 Flash-Lite', 0.0003, 0.0025),
  createGeminiModel('gemini-3.6-flash', 'Gemini 3.6 Flash', 0.0015, 0.0075),
  retireOn(createGeminiModel('gemini-2.5-pro', 'Gemini 2.5 Pro', 0.00125, 0.01, [
    { aboveInputTokens: 200_000, inputCostPer1k: 0.0025, outputCostPer1k: 0.015 },
  ]), '2026-10-16'),
  retireOn(createGeminiModel('gemini-2.5-flash', 'Gemini 2.5 Flash', 0.0003, 0.0025), '2026-10-16'),
  retireOn(createGeminiModel('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 0.0001, 0.0004), '2026-10-16'),
];
