// Shared feature sets and source dates for the priced catalogue, so each provider file stays data only.
import type { ModelFeatures, ModelReasoning, ReasoningEffort } from '../types';

/** providers.md §7: prices from the LiteLLM mirror synced on this date. */
export const LITELLM_VERIFIED = '2026-07-24';
/** providers.md research date, for prices it took from other cited sources. */
export const PROVIDERS_DOC_VERIFIED = '2026-11-26';

export const TEXT_AND_TOOLS: ModelFeatures = { streaming: true, functionCalling: true, vision: false };
export const TEXT_TOOLS_AND_VISION: ModelFeatures = { streaming: true, functionCalling: true, vision: true };

// Reasoning effort values per model family (providers-reasoning.md §2.1, §3.1, §4.1, §5.2, §6.1),
// limited to the five values ChatSettings offers; lowest first.
export const OPENAI_GPT5_EFFORTS: readonly ReasoningEffort[] = ['none', 'low', 'medium', 'high'];
export const OPENAI_O_SERIES_EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high'];
export const ANTHROPIC_EFFORTS: readonly ReasoningEffort[] = ['none', 'low', 'medium', 'high'];
/** Claude models whose thinking cannot be turned off (Fable 5, Opus 5 at high effort). */
export const ANTHROPIC_ALWAYS_THINKING_EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high'];
export const GEMINI_PRO_EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high'];
export const GEMINI_FLASH_EFFORTS: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high'];
/** Gemini 2.5 takes a token budget; 0 turns thinking off except on 2.5 Pro. */
export const GEMINI_25_EFFORTS: readonly ReasoningEffort[] = ['none', 'low', 'medium', 'high'];
export const GROK_43_EFFORTS: readonly ReasoningEffort[] = ['none', 'low', 'medium', 'high'];
export const GROK_45_EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high'];
export const MISTRAL_ADJUSTABLE_EFFORTS: readonly ReasoningEffort[] = ['none', 'high'];

export function createReasoning(efforts: readonly ReasoningEffort[], visible: boolean): ModelReasoning {
  return { efforts, visible };
}

/** Cached-input price as a share of the input price, rounded off float noise (USD per 1K). */
export function shareOfPrice(price: number, share: number): number {
  return Math.round(price * share * 1e12) / 1e12;
}
