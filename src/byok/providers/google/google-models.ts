// `GET {baseUrl}/models` with x-goog-api-key (never ?key=, which ends up in logs; providers.md §4.5).
import type { ListModelsOptions, RemoteModel } from '../provider-adapter';
import { fetchProviderJson, trimBaseUrl } from '../shared/fetch-provider-json';
import { readArray, readNumber, readString } from '../shared/json-values';
import { mapGoogleError } from './map-google-error';

export function createGoogleHeaders(apiKey: string): Record<string, string> {
  return { 'x-goog-api-key': apiKey };
}

/** `models/gemini-2.5-flash` → `gemini-2.5-flash`. */
export function stripModelsPrefix(name: string): string {
  return name.startsWith('models/') ? name.slice('models/'.length) : name;
}

export function parseGoogleModels(body: unknown): RemoteModel[] {
  return readArray(body, 'models').flatMap((entry): RemoteModel[] => {
    const name = readString(entry, 'name');
    const methods = readArray(entry, 'supportedGenerationMethods');
    if (!name || !methods.includes('generateContent')) return [];
    const model: RemoteModel = { id: stripModelsPrefix(name) };
    const displayName = readString(entry, 'displayName');
    const contextWindow = readNumber(entry, 'inputTokenLimit');
    const maxOutputTokens = readNumber(entry, 'outputTokenLimit');
    if (displayName) model.displayName = displayName;
    if (contextWindow !== undefined) model.contextWindow = contextWindow;
    if (maxOutputTokens !== undefined) model.maxOutputTokens = maxOutputTokens;
    return [model];
  });
}

export async function listGoogleModels(options: ListModelsOptions): Promise<RemoteModel[]> {
  const body = await fetchProviderJson({
    provider: 'google',
    url: `${trimBaseUrl(options.baseUrl)}/models?pageSize=1000`,
    headers: createGoogleHeaders(options.apiKey),
    apiKey: options.apiKey,
    mapError: mapGoogleError,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return parseGoogleModels(body);
}
