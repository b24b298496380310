// The core's cost of a Usage, by provider and model id (see pricing/price-usage.ts for the maths).
import { findModel } from './provider-config';
import { priceUsage } from './pricing/price-usage';
import type { BYOKProvider, Usage } from './types';

export { getUsagePrices, priceUsage, type UsagePrices } from './pricing/price-usage';

/** USD for one request's Usage, or null when the model has no known price. */
export function calculateUsageCost(provider: BYOKProvider, modelId: string, usage: Usage): number | null {
  const model = findModel(provider, modelId);
  return model ? priceUsage(model, usage) : null;
}
