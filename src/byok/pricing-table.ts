// The priced model catalogue (data only; one file per provider under pricing/).
// Only models with a known price are listed: a model GET /models reports but this table does not
// know is shown as "price unknown" and calculateCost returns null for it.
import type { BYOKProvider, ProviderModel } from './types';
import { ANTHROPIC_MODELS } from './pricing/anthropic-models';
import { GOOGLE_MODELS } from './pricing/google-models';
import { MISTRAL_MODELS } from './pricing/mistral-models';
import { OPENAI_MODELS } from './pricing/openai-models';
import { XAI_MODELS } from './pricing/xai-models';

export const PRICING_TABLE: Record<BYOKProvider, ProviderModel[]> = {
  openai: OPENAI_MODELS,
  anthropic: ANTHROPIC_MODELS,
  google: GOOGLE_MODELS,
  xai: XAI_MODELS,
  mistral: MISTRAL_MODELS,
};
