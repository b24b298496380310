// The per-provider half of the adapter contract: fixtures, error bodies and wire expectations.
// The shared assertions live in adapter-contract.test.ts.
import { expect } from 'vitest';
import type { BYOKProvider, ToolCall, Usage } from '../types';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter';
import { createGoogleAdapter } from './google/google-adapter';
import { createMistralAdapter } from './mistral/mistral-adapter';
import { createOpenAIAdapter } from './openai/openai-adapter';
import type { ProviderAdapter } from './provider-adapter';
import { createXaiAdapter } from './xai/xai-adapter';

export interface ErrorFixture {
  name: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  code: string;
  retryAfterMs?: number;
}

export interface ContractProvider {
  provider: BYOKProvider;
  createAdapter: () => ProviderAdapter;
  apiKey: string;
  model: string;
  baseUrl: string;
  streamUrl: string;
  modelsUrl: string;
  /** The only header that may carry the key, and its exact value. */
  keyHeader: [string, string];
  /** Every header the stream request carries. */
  streamHeaders: string[];
  expected: { text: string; usage: Usage; toolCall: ToolCall };
  checkBody: (body: Record<string, unknown>) => void;
  modelsBody: unknown;
  expectedModelIds: string[];
  invalidKey: { status: number; body: unknown };
}

const weather: ToolCall = { id: '', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } };
const usage = (inputTokens: number, outputTokens: number): Usage => ({ inputTokens, outputTokens, totalTokens: inputTokens + outputTokens });
export const CONTRACT_PROVIDERS: ContractProvider[] = [
  {
    provider: 'openai',
    createAdapter: () => createOpenAIAdapter(),
    apiKey: 'sk-proj-CONTRACTtestKEY0123456789abcdefghij',
    model: 'gpt-4o-mini',
    baseUrl: 'https://api.openai.com/v1/',
    streamUrl: 'https://api.openai.com/v1/chat/completions',
    modelsUrl: 'https://api.openai.com/v1/models',
    keyHeader: ['authorization', 'Bearer sk-proj-CONTRACTtestKEY0123456789abcdefghij'],
    streamHeaders: ['authorization', 'content-type'],
    expected: { text: 'Hello! How can I help you today?', usage: usage(9, 9), toolCall: { ...weather, id: 'call_7QnJm2XsVbR4kPzL9yTe1WdA' } },
    checkBody: (body) => {
      expect(body['stream_options']).toEqual({ include_usage: true });
      expect(body['max_completion_tokens']).toBe(256);
      expect(body['max_tokens']).toBeUndefined();
      expect(body['messages']).toContainEqual({ role: 'system', content: 'Be terse.' });
    },
    modelsBody: { object: 'list', data: [{ id: 'gpt-4o' }, { id: 'text-embedding-3-small' }, { id: 'gpt-4o-mini' }] },
    expectedModelIds: ['gpt-4o', 'gpt-4o-mini'],
    invalidKey: { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } },
  },
  {
    provider: 'anthropic',
    createAdapter: () => createAnthropicAdapter(),
    apiKey: 'sk-ant-api03-CONTRACTtestKEY0123456789abcdefghij-AA',
    model: 'claude-sonnet-4-5',
    baseUrl: 'https://api.anthropic.com/v1',
    streamUrl: 'https://api.anthropic.com/v1/messages',
    modelsUrl: 'https://api.anthropic.com/v1/models?limit=1000',
    keyHeader: ['x-api-key', 'sk-ant-api03-CONTRACTtestKEY0123456789abcdefghij-AA'],
    streamHeaders: ['anthropic-dangerous-direct-browser-access', 'anthropic-version', 'content-type', 'x-api-key'],
    expected: { text: 'Hello! How can I help you today?', usage: usage(12, 12), toolCall: { ...weather, id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6' } },
    checkBody: (body) => {
      expect(body['system']).toBe('Be terse.');
      expect(body['max_tokens']).toBe(256);
      expect(JSON.stringify(body['messages'])).not.toContain('"system"');
    },
    modelsBody: { data: [{ type: 'model', id: 'claude-sonnet-4-5-20250929', display_name: 'Claude Sonnet 4.5', max_input_tokens: 200000, max_tokens: 64000 }], has_more: false },
    expectedModelIds: ['claude-sonnet-4-5-20250929'],
    invalidKey: { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } },
  },
  {
    provider: 'google',
    createAdapter: () => createGoogleAdapter(),
    apiKey: 'AIzaSyCONTRACTtestKEY0123456789abcdefg',
    model: 'gemini-2.5-flash',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    streamUrl: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    modelsUrl: 'https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000',
    keyHeader: ['x-goog-api-key', 'AIzaSyCONTRACTtestKEY0123456789abcdefg'],
    streamHeaders: ['content-type', 'x-goog-api-key'],
    expected: { text: 'Hello! How can I help you today?', usage: { ...usage(6, 33), reasoningTokens: 23 }, toolCall: { ...weather, id: 'call_0' } },
    checkBody: (body) => {
      expect(body['systemInstruction']).toEqual({ parts: [{ text: 'Be terse.' }] });
      expect(body['generationConfig']).toEqual({ temperature: 0.5, maxOutputTokens: 256 });
      expect(body['contents']).toEqual([{ role: 'user', parts: [{ text: 'Hi' }] }]);
    },
    modelsBody: {
      models: [
        { name: 'models/gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', inputTokenLimit: 1048576, outputTokenLimit: 65536, supportedGenerationMethods: ['generateContent', 'countTokens'] },
        { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] },
      ],
    },
    expectedModelIds: ['gemini-2.5-flash'],
    invalidKey: {
      status: 400,
      body: { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }] } },
    },
  },
  {
    provider: 'xai',
    createAdapter: () => createXaiAdapter(),
    apiKey: 'xai-CONTRACTtestKEY0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
    model: 'grok-4.3',
    baseUrl: 'https://api.x.ai/v1',
    streamUrl: 'https://api.x.ai/v1/chat/completions',
    modelsUrl: 'https://api.x.ai/v1/models',
    keyHeader: ['authorization', 'Bearer xai-CONTRACTtestKEY0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123'],
    streamHeaders: ['authorization', 'content-type'],
    expected: { text: 'Hello! How can I help you today?', usage: usage(14, 9), toolCall: { ...weather, id: 'call_55117580' } },
    checkBody: (body) => {
      expect(body['stream_options']).toEqual({ include_usage: true });
      expect(body['max_completion_tokens']).toBe(256);
    },
    modelsBody: { object: 'list', data: [{ id: 'grok-4.3' }, { id: 'grok-imagine-image' }] },
    expectedModelIds: ['grok-4.3'],
    invalidKey: { status: 400, body: { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***23.' } },
  },
  {
    provider: 'mistral',
    createAdapter: () => createMistralAdapter(),
    apiKey: 'CONTRACTtestKEY0123456789abcdefg',
    model: 'mistral-small-latest',
    baseUrl: 'https://api.mistral.ai/v1',
    streamUrl: 'https://api.mistral.ai/v1/chat/completions',
    modelsUrl: 'https://api.mistral.ai/v1/models',
    keyHeader: ['authorization', 'Bearer CONTRACTtestKEY0123456789abcdefg'],
    streamHeaders: ['authorization', 'content-type'],
    expected: { text: 'Hello! How can I help you today?', usage: usage(8, 10), toolCall: { ...weather, id: 'gSIMJiOkT' } },
    checkBody: (body) => {
      // Mistral answers 422 extra_forbidden to either of these (providers.md §8.7).
      expect(body).not.toHaveProperty('stream_options');
      expect(body).not.toHaveProperty('max_completion_tokens');
      expect(body['max_tokens']).toBe(256);
    },
    modelsBody: {
      object: 'list',
      data: [
        { id: 'mistral-small-latest', name: 'Mistral Small', max_context_length: 131072, capabilities: { completion_chat: true } },
        { id: 'mistral-embed', capabilities: { completion_chat: false } },
      ],
    },
    expectedModelIds: ['mistral-small-latest'],
    invalidKey: { status: 401, body: { message: 'Unauthorized', request_id: 'c61f' } },
  },
];
