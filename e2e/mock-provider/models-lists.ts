// GET /models in each provider's shape (providers.md §2.5, §3.5, §4.5, §5.5, §6.5). Each list has
// ids a pricing table knows and one it cannot (`…-mock-unpriced`), so the UI's "price unknown" shows.
import type { BYOKProvider } from '../../src/byok/types';

/** Model ids per provider, exported so tests can assert the picker shows them. */
export const MOCK_MODEL_IDS: Record<BYOKProvider, readonly string[]> = {
  openai: ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-mock-unpriced'],
  anthropic: ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-mock-unpriced'],
  google: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-mock-unpriced', 'text-embedding-004'],
  xai: ['grok-4.3', 'grok-4.5', 'grok-mock-unpriced'],
  mistral: ['mistral-large-latest', 'mistral-small-latest', 'mistral-mock-unpriced'],
};

const CREATED = 1_715_367_049;

function buildOpenAiModels() {
  return { object: 'list', data: MOCK_MODEL_IDS.openai.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'system', shutdown_date: null })) };
}

function buildXaiModels() {
  return { object: 'list', data: MOCK_MODEL_IDS.xai.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'xai' })) };
}

function buildMistralModels() {
  return {
    object: 'list',
    data: MOCK_MODEL_IDS.mistral.map((id) => ({
      id, object: 'model', created: CREATED, owned_by: 'mistralai',
      capabilities: { completion_chat: true, completion_fim: false, function_calling: true, fine_tuning: false, vision: id !== 'mistral-mock-unpriced', reasoning: false, classification: false },
      name: id, description: `Mock ${id}`, max_context_length: id === 'mistral-large-latest' ? 262_144 : 131_072,
      aliases: [], deprecation: null, deprecation_replacement_model: null, default_model_temperature: 0.3, type: 'base',
    })),
  };
}

function buildAnthropicModels() {
  const names: Record<string, string> = { 'claude-sonnet-4-5': 'Claude Sonnet 4.5', 'claude-haiku-4-5': 'Claude Haiku 4.5', 'claude-mock-unpriced': 'Claude Mock (unpriced)' };
  const data = MOCK_MODEL_IDS.anthropic.map((id) => ({
    type: 'model', id, display_name: names[id] ?? id, created_at: '2025-09-29T00:00:00Z', max_input_tokens: 200_000, max_tokens: 64_000,
  }));
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}

function buildGoogleModels() {
  return {
    models: MOCK_MODEL_IDS.google.map((id) => {
      // An embedding model cannot chat: clients must keep only models with generateContent.
      const isEmbedding = id.startsWith('text-embedding');
      return {
        name: `models/${id}`, version: '001', displayName: id, description: `Mock ${id}`,
        inputTokenLimit: isEmbedding ? 2048 : 1_048_576, outputTokenLimit: isEmbedding ? 1 : 65_536,
        supportedGenerationMethods: isEmbedding ? ['embedContent'] : ['generateContent', 'countTokens'],
        ...(isEmbedding ? {} : { temperature: 1, maxTemperature: 2, topP: 0.95, topK: 64 }),
      };
    }),
  };
}

/** The body of `GET /models` for a provider. */
export function buildModelsList(provider: BYOKProvider): unknown {
  switch (provider) {
    case 'openai': return buildOpenAiModels();
    case 'anthropic': return buildAnthropicModels();
    case 'google': return buildGoogleModels();
    case 'xai': return buildXaiModels();
    case 'mistral': return buildMistralModels();
  }
}

/** xAI's `GET /api-key` (providers.md §5.5): who the key is, and whether it is blocked. */
export function buildXaiApiKeyInfo(key: string): unknown {
  return {
    redacted_api_key: `${key.slice(0, 4)}***${key.slice(-2)}`,
    user_id: 'mock-user-0001', name: 'mock key', create_time: '2026-01-01T00:00:00Z', modify_time: '2026-01-01T00:00:00Z',
    modified_by: 'mock-user-0001', team_id: '3f2b8c1e-0000-4000-8000-000000000000', acls: ['api-key:model:*', 'api-key:endpoint:*'],
    api_key_id: 'mock-api-key-0001', team_blocked: false, api_key_blocked: false, api_key_disabled: false,
  };
}
