// `GET {baseUrl}/models` with the key in its own header (providers.md §2.5).
import type { ListModelsOptions, RemoteModel } from '../provider-adapter';
import { fetchProviderJson, trimBaseUrl } from '../shared/fetch-provider-json';
import { readArray, readString } from '../shared/json-values';
import { mapOpenAIError } from './map-openai-error';

// The list mixes in embeddings, speech, image and moderation models that cannot chat.
const NOT_CHAT_MODELS = /(embedding|tts|whisper|dall-e|moderation|transcribe|realtime|audio|image|davinci|babbage|sora|search)/i;

export function createOpenAIHeaders(apiKey: string): Record<string, string> {
  return { authorization: `Bearer ${apiKey}` };
}

export function parseOpenAIModels(body: unknown): RemoteModel[] {
  return readArray(body, 'data').flatMap((entry) => {
    const id = readString(entry, 'id');
    return id && !NOT_CHAT_MODELS.test(id) ? [{ id }] : [];
  });
}

export async function listOpenAIModels(options: ListModelsOptions): Promise<RemoteModel[]> {
  const body = await fetchProviderJson({
    provider: 'openai',
    url: `${trimBaseUrl(options.baseUrl)}/models`,
    headers: createOpenAIHeaders(options.apiKey),
    apiKey: options.apiKey,
    mapError: mapOpenAIError,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return parseOpenAIModels(body);
}
