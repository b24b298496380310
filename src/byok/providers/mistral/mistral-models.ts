// `GET {baseUrl}/models` with the Bearer key (providers.md §6.5). Only Authorization is sent:
// Mistral's CORS allow-list is narrow.
import type { ListModelsOptions, RemoteModel } from '../provider-adapter';
import { fetchProviderJson, trimBaseUrl } from '../shared/fetch-provider-json';
import { readArray, readBoolean, readNumber, readRecord, readString } from '../shared/json-values';
import { mapMistralError } from './map-mistral-error';

export function createMistralHeaders(apiKey: string): Record<string, string> {
  return { authorization: `Bearer ${apiKey}` };
}

export function parseMistralModels(body: unknown): RemoteModel[] {
  return readArray(body, 'data').flatMap((entry): RemoteModel[] => {
    const id = readString(entry, 'id');
    // Embedding and OCR models say completion_chat: false.
    if (!id || readBoolean(readRecord(entry, 'capabilities'), 'completion_chat') === false) return [];
    const model: RemoteModel = { id };
    const displayName = readString(entry, 'name');
    const contextWindow = readNumber(entry, 'max_context_length');
    if (displayName) model.displayName = displayName;
    if (contextWindow !== undefined) model.contextWindow = contextWindow;
    return [model];
  });
}

export async function listMistralModels(options: ListModelsOptions): Promise<RemoteModel[]> {
  const body = await fetchProviderJson({
    provider: 'mistral',
    url: `${trimBaseUrl(options.baseUrl)}/models`,
    headers: createMistralHeaders(options.apiKey),
    apiKey: options.apiKey,
    mapError: mapMistralError,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return parseMistralModels(body);
}
