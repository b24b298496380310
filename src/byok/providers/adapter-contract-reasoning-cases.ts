// The per-provider half of the reasoning contract: a reasoning model, its recorded-style fixture,
// what the fixture means, and where each provider wants the effort. Assertions live in
// adapter-contract-reasoning.test.ts.
import { expect } from 'vitest';
import type { BYOKProvider } from '../types';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter';
import { createAnthropicStreamTransform } from './anthropic/anthropic-stream-transform';
import { createGoogleAdapter } from './google/google-adapter';
import { createGoogleStreamTransform } from './google/google-stream-transform';
import { describeCatalogueModel } from './index';
import { createMistralAdapter } from './mistral/mistral-adapter';
import { createMistralStreamTransform } from './mistral/mistral-stream-transform';
import { createOpenAIAdapter } from './openai/openai-adapter';
import { createOpenAIResponsesStreamTransform } from './openai/openai-responses-stream-transform';
import type { ProviderAdapter } from './provider-adapter';
import type { StreamTransformer } from './shared/run-provider-stream';
import { createXaiAdapter } from './xai/xai-adapter';
import { createXaiStreamTransform } from './xai/xai-stream-transform';

export const REASONING_ANSWER = 'Héllo 👋🏽 世界 — naïve café ✓ 🇫🇷';

export interface ReasoningContract {
  provider: BYOKProvider;
  /** A model the catalogue marks as reasoning, so its effort values apply. */
  model: string;
  apiKey: string;
  baseUrl: string;
  streamUrl: string;
  fixture: string;
  createAdapter: () => ProviderAdapter;
  createTransform: () => StreamTransformer;
  expected: { reasoning: string; reasoningTokens: number | undefined; outputTokens: number };
  /** The request field that carries effort "high", read from the body. */
  readHighEffort: (body: Record<string, unknown>) => unknown;
  /** An effort the model does not take, and what it must clamp to in the same field. */
  clamp: { requested: 'none' | 'minimal' | 'low' | 'medium'; sent: unknown };
}

const catalogue = (provider: BYOKProvider) => ({ describeModel: (modelId: string) => describeCatalogueModel(provider, modelId) });
const record = (value: unknown): Record<string, unknown> => (value ?? {}) as Record<string, unknown>;

export const REASONING_CONTRACTS: ReasoningContract[] = [
  {
    provider: 'openai',
    model: 'o3-pro',
    apiKey: 'sk-proj-CONTRACTtestKEY0123456789abcdefghij',
    baseUrl: 'https://api.openai.com/v1',
    streamUrl: 'https://api.openai.com/v1/responses',
    fixture: 'openai-responses-reasoning.sse',
    createAdapter: () => createOpenAIAdapter(catalogue('openai')),
    createTransform: () => createOpenAIResponsesStreamTransform('o3-pro'),
    expected: { reasoning: '**Pesée** du café ☕ à 東京 🇯🇵.\n\nThen answer.', reasoningTokens: 384, outputTokens: 415 },
    readHighEffort: (body) => record(body['reasoning'])['effort'],
    clamp: { requested: 'none', sent: 'low' },
  },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-4-6',
    apiKey: 'sk-ant-api03-CONTRACTtestKEY0123456789abcdefghij-AA',
    baseUrl: 'https://api.anthropic.com/v1',
    streamUrl: 'https://api.anthropic.com/v1/messages',
    fixture: 'anthropic-reasoning.sse',
    createAdapter: () => createAnthropicAdapter(catalogue('anthropic')),
    createTransform: () => createAnthropicStreamTransform('claude-sonnet-4-6'),
    expected: { reasoning: 'Pesée du café ☕ à 東京 🇯🇵, then answer.', reasoningTokens: 95, outputTokens: 140 },
    readHighEffort: (body) => {
      // Adaptive thinking with a readable summary; effort rides in output_config.
      expect(body['thinking']).toEqual({ type: 'adaptive', display: 'summarized' });
      return record(body['output_config'])['effort'];
    },
    clamp: { requested: 'minimal', sent: 'low' },
  },
  {
    provider: 'google',
    model: 'gemini-3.5-flash',
    apiKey: 'AIzaSyCONTRACTtestKEY0123456789abcdefg',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    streamUrl: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-3.5-flash:streamGenerateContent?alt=sse',
    fixture: 'google-reasoning.sse',
    createAdapter: () => createGoogleAdapter(catalogue('google')),
    createTransform: () => createGoogleStreamTransform('gemini-3.5-flash'),
    expected: { reasoning: '**Pesée** du café ☕ à 東京 🇯🇵, then answer.', reasoningTokens: 302, outputTokens: 315 },
    readHighEffort: (body) => {
      const thinking = record(record(body['generationConfig'])['thinkingConfig']);
      expect(thinking['includeThoughts']).toBe(true);
      return thinking['thinkingLevel'];
    },
    clamp: { requested: 'none', sent: 'minimal' },
  },
  {
    provider: 'xai',
    model: 'grok-4.3',
    apiKey: 'xai-CONTRACTtestKEY0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
    baseUrl: 'https://api.x.ai/v1',
    streamUrl: 'https://api.x.ai/v1/chat/completions',
    fixture: 'xai-reasoning.sse',
    createAdapter: () => createXaiAdapter(catalogue('xai')),
    createTransform: createXaiStreamTransform,
    // completion_tokens leaves reasoning out on xAI Chat: 13 + 290.
    expected: { reasoning: 'Pesée du café ☕ à 東京 🇯🇵, then answer.', reasoningTokens: 290, outputTokens: 303 },
    readHighEffort: (body) => body['reasoning_effort'],
    clamp: { requested: 'minimal', sent: 'low' },
  },
  {
    provider: 'mistral',
    model: 'mistral-small-latest',
    apiKey: 'CONTRACTtestKEY0123456789abcdefg',
    baseUrl: 'https://api.mistral.ai/v1',
    streamUrl: 'https://api.mistral.ai/v1/chat/completions',
    fixture: 'mistral-reasoning.sse',
    createAdapter: () => createMistralAdapter(catalogue('mistral')),
    createTransform: createMistralStreamTransform,
    // Mistral reports no reasoning count; thinking is inside completion_tokens.
    expected: { reasoning: 'Pesée du café ☕ à 東京 🇯🇵, then answer.', reasoningTokens: undefined, outputTokens: 46 },
    readHighEffort: (body) => body['reasoning_effort'],
    clamp: { requested: 'medium', sent: 'high' },
  },
];
