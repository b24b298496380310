// Thin: wires the request converter, the stream transform and the error mapper to the shared runner.
import type { ProviderAdapter } from '../provider-adapter';
import { trimBaseUrl } from '../shared/fetch-provider-json';
import type { AdapterOptions } from '../shared/model-hints';
import { runProviderStream } from '../shared/run-provider-stream';
import { createAnthropicHeaders, listAnthropicModels } from './anthropic-models';
import { createAnthropicStreamTransform } from './anthropic-stream-transform';
import { convertToAnthropicRequest } from './convert-to-anthropic-request';
import { mapAnthropicError } from './map-anthropic-error';

export function createAnthropicAdapter(options: AdapterOptions = {}): ProviderAdapter {
  return {
    provider: 'anthropic',
    async *streamChat(request) {
      const body = convertToAnthropicRequest(request, options.describeModel?.(request.model));
      yield* runProviderStream({
        provider: 'anthropic',
        url: `${trimBaseUrl(request.baseUrl)}/messages`,
        headers: { ...createAnthropicHeaders(request.apiKey), 'content-type': 'application/json' },
        body,
        apiKey: request.apiKey,
        mapError: mapAnthropicError,
        createTransform: () => createAnthropicStreamTransform(request.model),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },
    listModels: listAnthropicModels,
  };
}
