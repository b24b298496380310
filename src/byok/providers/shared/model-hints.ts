// What a request converter needs to know about a model. The registry (providers/index.ts) fills
// it from the catalogue; provider folders never read the catalogue themselves (architecture.md).
import { REASONING_EFFORTS } from '../../types';
import type { ModelReasoning, ReasoningEffort } from '../../types';

export interface ModelHints {
  /** Reasoning models reject temperature (OpenAI o-series / gpt-5, newest Claude models). */
  rejectsTemperature?: boolean;
  maxOutputTokens?: number;
  vision?: boolean;
  /** Absent: a plain chat model, or one the catalogue does not know (the adapter may guess from the id). */
  reasoning?: ModelReasoning;
  endpoint?: 'chat' | 'responses';
}

export type DescribeModel = (modelId: string) => ModelHints | undefined;

export interface AdapterOptions {
  describeModel?: DescribeModel;
}

export function clampNumber(value: number, minimum: number, maximum: number): number {
  return Math.min(maximum, Math.max(minimum, value));
}

/**
 * The effort to send: the requested one when the model takes it, else the nearest it does take
 * (a tie goes to the higher one, the user asked for at least that much). Undefined when nothing
 * was asked, or the model takes no effort at all (then the field must not be sent: §5.2, §6.4).
 */
export function resolveReasoningEffort(
  requested: ReasoningEffort | undefined,
  supported: readonly ReasoningEffort[] | undefined,
): ReasoningEffort | undefined {
  if (requested === undefined || !supported || supported.length === 0) return undefined;
  if (supported.includes(requested)) return requested;
  const wanted = REASONING_EFFORTS.indexOf(requested);
  let best: ReasoningEffort | undefined;
  let bestDistance = Infinity;
  for (const effort of supported) {
    const distance = Math.abs(REASONING_EFFORTS.indexOf(effort) - wanted);
    const higher = REASONING_EFFORTS.indexOf(effort) > wanted;
    if (distance < bestDistance || (distance === bestDistance && higher)) {
      best = effort;
      bestDistance = distance;
    }
  }
  return best;
}

/** The replay items of an earlier turn, only when that turn came from this same provider and model. */
export function readMatchingReplay(
  replay: { provider: string; model: string; items: unknown[] } | undefined,
  provider: string,
  model: string,
): unknown[] | undefined {
  if (!replay || replay.provider !== provider || replay.model !== model || replay.items.length === 0) return undefined;
  return replay.items;
}
