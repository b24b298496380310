// Thin: wires the request converter, the stream transform and the error mapper to the shared runner.
import type { ProviderAdapter } from '../provider-adapter';
import { trimBaseUrl } from '../shared/fetch-provider-json';
import type { AdapterOptions } from '../shared/model-hints';
import { runProviderStream } from '../shared/run-provider-stream';
import { convertToOpenAIRequest } from './convert-to-openai-request';
import { mapOpenAIError } from './map-openai-error';
import { createOpenAIHeaders, listOpenAIModels } from './openai-models';
import { createOpenAIStreamTransform } from './openai-stream-transform';

export function createOpenAIAdapter(options: AdapterOptions = {}): ProviderAdapter {
  return {
    provider: 'openai',
    async *streamChat(request) {
      const body = convertToOpenAIRequest(request, options.describeModel?.(request.model));
      yield* runProviderStream({
        provider: 'openai',
        url: `${trimBaseUrl(request.baseUrl)}/chat/completions`,
        headers: { ...createOpenAIHeaders(request.apiKey), 'content-type': 'application/json' },
        body,
        apiKey: request.apiKey,
        mapError: mapOpenAIError,
        createTransform: createOpenAIStreamTransform,
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },
    listModels: listOpenAIModels,
  };
}
