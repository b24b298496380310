// What a send may cost at most, reserved against the budget before anything is sent: the input
// estimate plus the longest reply the request allows (the conversation's max tokens, else the
// model's max output), all at the model's prices. Refusing on the worst case is what keeps a long
// reply from running past the budget after the check said yes.
import { estimateRequestTokens } from './estimate-tokens';
import { formatCost, findModel } from './provider-config';
import { priceUsage } from './pricing/price-usage';
import { BYOKError, type ChatRequest } from './types';
import type { BudgetCheck } from './usage-ledger';

export interface Reservation {
  inputTokens: number;
  /** The reply's ceiling in tokens. */
  outputTokens: number;
  /** USD, or null when the model has no known price (nothing can be reserved). */
  cost: number | null;
}

export function reserveWorstCase(request: Pick<ChatRequest, 'provider' | 'model' | 'messages' | 'settings'>): Reservation {
  const inputTokens = estimateRequestTokens(request.messages, request.settings?.systemPrompt);
  const model = findModel(request.provider, request.model);
  const requested = request.settings?.maxTokens;
  const outputTokens = requested !== undefined && requested > 0 ? requested : (model?.maxOutputTokens ?? 0);
  const cost = model ? priceUsage(model, { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }) : null;
  return { inputTokens, outputTokens, cost };
}

/** The refusal people see: what the send could cost, the budget, and by how much it would pass it. */
export function createBudgetRefusal(request: Pick<ChatRequest, 'provider'>, reservation: Reservation, check: BudgetCheck): BYOKError {
  const reserved = formatCost(reservation.cost ?? 0);
  const budget = formatCost(check.budget ?? 0);
  return new BYOKError(
    'BUDGET_EXCEEDED',
    `This message could cost up to ${reserved} (about ${reservation.inputTokens.toLocaleString('en-US')} input tokens and a reply of up to ${reservation.outputTokens.toLocaleString('en-US')} tokens). `
      + `With ${formatCost(check.spent)} already spent this month, that would pass the ${budget} monthly budget by ${formatCost(check.overBy)}.`,
    { provider: request.provider },
  );
}
