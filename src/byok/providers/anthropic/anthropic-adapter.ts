// Thin: wires the request converter, the stream transform and the error mapper to the shared runner.
import type { ProviderAdapter } from '../provider-adapter';
import { trimBaseUrl } from '../shared/fetch-provider-json';
import type { AdapterOptions } from '../shared/model-hints';
import { providerStreams } from '../shared/run-provider-stream';
import { createAnthropicHeaders, listAnthropicModels } from './anthropic-models';
import { createAnthropicStreamTransform } from './anthropic-stream-transform';
import { convertToAnthropicRequest } from './convert-to-anthropic-request';
import { mapAnthropicError } from './map-anthropic-error';

export function createAnthropicAdapter(options: AdapterOptions = {}): ProviderAdapter {
  return {
    provider: 'anthropic',
    ...providerStreams((request) => {
      const body = convertToAnthropicRequest(request, options.describeModel?.(request.model));
      return {
        provider: 'anthropic',
        url: `${trimBaseUrl(request.baseUrl)}/messages`,
        headers: { ...createAnthropicHeaders(request.apiKey), 'content-type': 'application/json' },
        body,
        apiKey: request.apiKey,
        mapError: mapAnthropicError,
        createTransform: () => createAnthropicStreamTransform(request.model),
        ...(request.signal ? { signal: request.signal } : {}),
      };
    }),
    listModels: listAnthropicModels,
  };
}
