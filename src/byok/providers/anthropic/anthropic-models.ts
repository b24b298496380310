// `GET {baseUrl}/models` with Anthropic's three headers (providers.md §3.5).
import type { ListModelsOptions, RemoteModel } from '../provider-adapter';
import { fetchProviderJson, trimBaseUrl } from '../shared/fetch-provider-json';
import { readArray, readNumber, readString } from '../shared/json-values';
import { mapAnthropicError } from './map-anthropic-error';

export function createAnthropicHeaders(apiKey: string): Record<string, string> {
  return {
    'x-api-key': apiKey,
    'anthropic-version': '2023-06-01',
    // Required for CORS; without it Anthropic answers 401 as if the key were wrong (§3.1).
    'anthropic-dangerous-direct-browser-access': 'true',
  };
}

export function parseAnthropicModels(body: unknown): RemoteModel[] {
  return readArray(body, 'data').flatMap((entry): RemoteModel[] => {
    const id = readString(entry, 'id');
    if (!id) return [];
    const model: RemoteModel = { id };
    const displayName = readString(entry, 'display_name');
    const contextWindow = readNumber(entry, 'max_input_tokens');
    const maxOutputTokens = readNumber(entry, 'max_tokens');
    if (displayName) model.displayName = displayName;
    if (contextWindow !== undefined) model.contextWindow = contextWindow;
    if (maxOutputTokens !== undefined) model.maxOutputTokens = maxOutputTokens;
    return [model];
  });
}

export async function listAnthropicModels(options: ListModelsOptions): Promise<RemoteModel[]> {
  const body = await fetchProviderJson({
    provider: 'anthropic',
    url: `${trimBaseUrl(options.baseUrl)}/models?limit=1000`,
    headers: createAnthropicHeaders(options.apiKey),
    apiKey: options.apiKey,
    mapError: mapAnthropicError,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return parseAnthropicModels(body);
}
