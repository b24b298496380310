// Anthropic models and prices (USD per 1K tokens), providers.md §7.1 and §7.2.
import type { PriceTier, ProviderModel } from '../types';
import { ANTHROPIC_ALWAYS_THINKING_EFFORTS, ANTHROPIC_EFFORTS, LITELLM_VERIFIED, TEXT_TOOLS_AND_VISION, createReasoning, shareOfPrice } from './model-features';

/**
 * Sonnet 4 / 4.5 in 1M-context mode bill the whole request at the long-context price once the
 * prompt passes 200k tokens (providers.md §7.1 gives $0.006 input; $0.0225 output is Anthropic's
 * published long-context rate, verify).
 */
const SONNET_LONG_CONTEXT: PriceTier[] = [{ aboveInputTokens: 200_000, inputCostPer1k: 0.006, outputCostPer1k: 0.0225 }];

interface ClaudeEntry {
  id: string;
  name: string;
  input: number;
  output: number;
  contextWindow: number;
  maxOutputTokens: number;
  /** Claude Opus 4.7+ and the 5 family reject `temperature`. */
  reasoning?: boolean;
  /** Thinking cannot be turned off (Fable 5). */
  alwaysThinks?: boolean;
  tiers?: PriceTier[];
}

function createClaudeModel(entry: ClaudeEntry): ProviderModel {
  return {
    id: entry.id,
    name: entry.name,
    contextWindow: entry.contextWindow,
    maxOutputTokens: entry.maxOutputTokens,
    inputCostPer1k: entry.input,
    outputCostPer1k: entry.output,
    // Cache read 0.1×, cache write (5-minute) 1.25× of input (providers-reasoning.md §3.5).
    cachedInputCostPer1k: shareOfPrice(entry.input, 0.1),
    cacheWriteCostPer1k: shareOfPrice(entry.input, 1.25),
    features: TEXT_TOOLS_AND_VISION,
    status: 'active',
    lastVerified: LITELLM_VERIFIED,
    ...(entry.tiers ? { tiers: entry.tiers } : {}),
    ...(entry.reasoning ? { rejectsTemperature: true } : {}),
    // Every current Claude model can think and stream it summarised (providers-reasoning.md §3.1).
    reasoning: createReasoning(entry.alwaysThinks ? ANTHROPIC_ALWAYS_THINKING_EFFORTS : ANTHROPIC_EFFORTS, true),
  };
}

/** The anthropic-sdk-typescript commit e984ba49 removed these on 2026-06-15. */
const RETIRED_ON_2026_06_15 = { status: 'retired', retiredOn: '2026-06-15' } as const;

export const ANTHROPIC_MODELS: ProviderModel[] = [
  // The seed's three, under the seed's names and prices.
  {
    ...createClaudeModel({
      id: 'claude-sonnet-4-20250514', name: 'Claude Sonnet 4', input: 0.003, output: 0.015,
      contextWindow: 200_000, maxOutputTokens: 64_000, tiers: SONNET_LONG_CONTEXT,
    }),
    ...RETIRED_ON_2026_06_15,
  },
  {
    ...createClaudeModel({
      id: 'claude-opus-4-20250514', name: 'Claude Opus 4', input: 0.015, output: 0.075,
      contextWindow: 200_000, maxOutputTokens: 32_000,
    }),
    ...RETIRED_ON_2026_06_15,
  },
  {
    ...createClaudeModel({
      id: 'claude-3-haiku-20240307', name: 'Claude Haiku 3', input: 0.00025, output: 0.00125,
      contextWindow: 200_000, maxOutputTokens: 4_096,
    }),
    ...RETIRED_ON_2026_06_15,
  },
  // Current models (anthropic-sdk-typescript Model union, 2026-08-19).
  createClaudeModel({ id: 'claude-opus-5', name: 'Claude Opus 5', input: 0.005, output: 0.025, contextWindow: 1_000_000, maxOutputTokens: 128_000, reasoning: true }),
  createClaudeModel({ id: 'claude-sonnet-5', name: 'Claude Sonnet 5', input: 0.002, output: 0.01, contextWindow: 1_000_000, maxOutputTokens: 64_000, reasoning: true }),
  createClaudeModel({ id: 'claude-fable-5', name: 'Claude Fable 5', input: 0.01, output: 0.05, contextWindow: 1_000_000, maxOutputTokens: 128_000, reasoning: true, alwaysThinks: true }),
  createClaudeModel({ id: 'claude-opus-4-8', name: 'Claude Opus 4.8', input: 0.005, output: 0.025, contextWindow: 1_000_000, maxOutputTokens: 128_000, reasoning: true }),
  createClaudeModel({ id: 'claude-opus-4-7', name: 'Claude Opus 4.7', input: 0.005, output: 0.025, contextWindow: 1_000_000, maxOutputTokens: 128_000, reasoning: true }),
  createClaudeModel({ id: 'claude-opus-4-6', name: 'Claude Opus 4.6', input: 0.005, output: 0.025, contextWindow: 1_000_000, maxOutputTokens: 128_000 }),
  createClaudeModel({ id: 'claude-sonnet-4-6', name: 'Claude Sonnet 4.6', input: 0.003, output: 0.015, contextWindow: 1_000_000, maxOutputTokens: 64_000 }),
  createClaudeModel({ id: 'claude-haiku-4-5', name: 'Claude Haiku 4.5', input: 0.001, output: 0.005, contextWindow: 200_000, maxOutputTokens: 64_000 }),
  createClaudeModel({
    id: 'claude-sonnet-4-5', name: 'Claude Sonnet 4.5', input: 0.003, output: 0.015,
    contextWindow: 200_000, maxOutputTokens: 64_000, tiers: SONNET_LONG_CONTEXT,
  }),
];
