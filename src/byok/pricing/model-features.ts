// Shared feature sets and source dates for the priced catalogue, so each provider file stays data only.
import type { ModelFeatures } from '../types';

/** providers.md §7: prices from the LiteLLM mirror synced on this date. */
export const LITELLM_VERIFIED = '2026-07-24';
/** providers.md research date, for prices it took from other cited sources. */
export const PROVIDERS_DOC_VERIFIED = '2026-11-26';

export const TEXT_AND_TOOLS: ModelFeatures = { streaming: true, functionCalling: true, vision: false };
export const TEXT_TOOLS_AND_VISION: ModelFeatures = { streaming: true, functionCalling: true, vision: true };
