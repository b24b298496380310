// Thin: wires the request converter, the stream transform and the error mapper to the shared runner.
import type { ProviderAdapter } from '../provider-adapter';
import { trimBaseUrl } from '../shared/fetch-provider-json';
import type { AdapterOptions } from '../shared/model-hints';
import { providerStreams } from '../shared/run-provider-stream';
import { convertToMistralRequest } from './convert-to-mistral-request';
import { mapMistralError } from './map-mistral-error';
import { createMistralHeaders, listMistralModels } from './mistral-models';
import { createMistralStreamTransform } from './mistral-stream-transform';

export function createMistralAdapter(options: AdapterOptions = {}): ProviderAdapter {
  return {
    provider: 'mistral',
    ...providerStreams((request) => {
      const body = convertToMistralRequest(request, options.describeModel?.(request.model));
      return {
        provider: 'mistral',
        url: `${trimBaseUrl(request.baseUrl)}/chat/completions`,
        headers: { ...createMistralHeaders(request.apiKey), 'content-type': 'application/json' },
        body,
        apiKey: request.apiKey,
        mapError: mapMistralError,
        createTransform: createMistralStreamTransform,
        ...(request.signal ? { signal: request.signal } : {}),
      };
    }),
    listModels: listMistralModels,
  };
}
