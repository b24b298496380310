// How a reasoning effort becomes Gemini's thinkingConfig (providers-reasoning.md §4.1): 2.5 takes a
// token budget, 3.x a level; never both. includeThoughts asks for the thought summaries the chat
// shows; without it only signatures and counts come back.
import type { ReasoningEffort } from '../../types';
import { resolveReasoningEffort } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';

export interface GoogleThinkingConfig {
  includeThoughts: true;
  thinkingBudget?: number;
  thinkingLevel?: 'minimal' | 'low' | 'medium' | 'high';
}

/** 0 turns thinking off on 2.5 Flash; 24,576 is the Flash maximum (2.5 Pro goes to 32,768). */
const THINKING_BUDGETS: Record<ReasoningEffort, number> = { none: 0, minimal: 512, low: 1024, medium: 8192, high: 24_576 };

export function convertToGoogleThinking(modelId: string, requested: ReasoningEffort | undefined, hints: ModelHints | undefined): GoogleThinkingConfig | undefined {
  if (!hints?.reasoning) return undefined;
  const effort = resolveReasoningEffort(requested, hints.reasoning.efforts);
  if (effort === undefined) return { includeThoughts: true };
  if (/gemini-2\.5/.test(modelId)) return { includeThoughts: true, thinkingBudget: THINKING_BUDGETS[effort] };
  // Gemini 3 cannot switch thinking off; the catalogue lists no "none" for it, so this is a guard.
  return { includeThoughts: true, thinkingLevel: effort === 'none' ? 'minimal' : effort };
}
