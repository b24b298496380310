// `GET {baseUrl}/models` with the Bearer key (providers.md §5.5).
import type { ListModelsOptions, RemoteModel } from '../provider-adapter';
import { fetchProviderJson, trimBaseUrl } from '../shared/fetch-provider-json';
import { readArray, readString } from '../shared/json-values';
import { mapXaiError } from './map-xai-error';

// Image-generation and embedding models share the list but cannot chat.
const NOT_CHAT_MODELS = /(image|imagine|embed)/i;

export function createXaiHeaders(apiKey: string): Record<string, string> {
  return { authorization: `Bearer ${apiKey}` };
}

export function parseXaiModels(body: unknown): RemoteModel[] {
  return readArray(body, 'data').flatMap((entry) => {
    const id = readString(entry, 'id');
    return id && !NOT_CHAT_MODELS.test(id) ? [{ id }] : [];
  });
}

export async function listXaiModels(options: ListModelsOptions): Promise<RemoteModel[]> {
  const body = await fetchProviderJson({
    provider: 'xai',
    url: `${trimBaseUrl(options.baseUrl)}/models`,
    headers: createXaiHeaders(options.apiKey),
    apiKey: options.apiKey,
    mapError: mapXaiError,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return parseXaiModels(body);
}
