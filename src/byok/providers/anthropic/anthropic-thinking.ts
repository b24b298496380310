// How a reasoning effort becomes Anthropic's `thinking` + `output_config` (providers-reasoning.md
// §3.1): Claude 4.5 and older take a token budget; 4.6 and later think adaptively, steered by
// effort. `display: "summarized"` is always sent, because Opus 4.7+ stream empty thinking without it.
import type { ReasoningEffort } from '../../types';
import { resolveReasoningEffort } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';

export type AnthropicThinking =
  | { type: 'enabled'; budget_tokens: number }
  | { type: 'adaptive'; display: 'summarized' }
  | { type: 'disabled' };

export interface AnthropicThinkingFields {
  thinking?: AnthropicThinking;
  output_config?: { effort: Exclude<ReasoningEffort, 'none' | 'minimal'> };
  /** A budget must stay below max_tokens, so the answer still has room (§3.1). */
  minimumMaxTokens?: number;
}

const BUDGET_TOKENS: Record<Exclude<ReasoningEffort, 'none'>, number> = { minimal: 1024, low: 2048, medium: 8192, high: 16_384 };
/** Room left for the visible answer on top of a thinking budget. */
const ANSWER_ROOM_TOKENS = 4096;

/** Claude 4.5 and older take `enabled` + budget; adaptive arrived with 4.6 (§3.1 table). */
export function usesThinkingBudget(modelId: string): boolean {
  return /claude-(haiku|sonnet|opus)-4-[0-5]\b|claude-(sonnet|opus)-4-\d{8}|claude-3/.test(modelId);
}

/** Opus 4.7+, Sonnet 5, Opus 5 and Fable 5 think by default (their sampling refusal marks them). */
function thinksByDefault(modelId: string, hints: ModelHints | undefined): boolean {
  if (hints?.rejectsTemperature !== undefined) return hints.rejectsTemperature;
  return /claude-(opus-4-[7-9]|opus-[5-9]|sonnet-[5-9]|fable-)/.test(modelId);
}

export function convertToAnthropicThinking(modelId: string, requested: ReasoningEffort | undefined, hints: ModelHints | undefined): AnthropicThinkingFields {
  const efforts = hints?.reasoning?.efforts;
  const effort = resolveReasoningEffort(requested, efforts);
  if (effort === undefined) {
    // No choice made: leave the model's default, but make default thinking readable.
    return hints?.reasoning && thinksByDefault(modelId, hints) ? { thinking: { type: 'adaptive', display: 'summarized' } } : {};
  }
  if (effort === 'none') return { thinking: { type: 'disabled' } };
  if (usesThinkingBudget(modelId)) {
    const budget = BUDGET_TOKENS[effort];
    return { thinking: { type: 'enabled', budget_tokens: budget }, minimumMaxTokens: budget + ANSWER_ROOM_TOKENS };
  }
  return { thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: effort === 'minimal' ? 'low' : effort } };
}
