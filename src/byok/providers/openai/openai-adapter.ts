// Thin: picks the endpoint the model takes (Chat Completions, or Responses for Responses-only
// models) and wires its request converter, stream transform and error mapper to the shared runner.
import type { ProviderAdapter } from '../provider-adapter';
import { trimBaseUrl } from '../shared/fetch-provider-json';
import type { AdapterOptions } from '../shared/model-hints';
import { providerStreams } from '../shared/run-provider-stream';
import { convertToOpenAIRequest } from './convert-to-openai-request';
import { convertToOpenAIResponsesRequest, usesOpenAIResponsesApi } from './convert-to-openai-responses-request';
import { mapOpenAIError } from './map-openai-error';
import { createOpenAIHeaders, listOpenAIModels } from './openai-models';
import { createOpenAIResponsesStreamTransform } from './openai-responses-stream-transform';
import { createOpenAIStreamTransform } from './openai-stream-transform';

export function createOpenAIAdapter(options: AdapterOptions = {}): ProviderAdapter {
  return {
    provider: 'openai',
    ...providerStreams((request) => {
      const hints = options.describeModel?.(request.model);
      const responses = usesOpenAIResponsesApi(request.model, hints);
      return {
        provider: 'openai',
        url: `${trimBaseUrl(request.baseUrl)}/${responses ? 'responses' : 'chat/completions'}`,
        headers: { ...createOpenAIHeaders(request.apiKey), 'content-type': 'application/json' },
        body: responses ? convertToOpenAIResponsesRequest(request, hints) : convertToOpenAIRequest(request, hints),
        apiKey: request.apiKey,
        mapError: mapOpenAIError,
        createTransform: responses ? () => createOpenAIResponsesStreamTransform(request.model) : createOpenAIStreamTransform,
        ...(request.signal ? { signal: request.signal } : {}),
      };
    }),
    listModels: listOpenAIModels,
  };
}
