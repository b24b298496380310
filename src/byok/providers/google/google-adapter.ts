// Thin: wires the request converter, the stream transform and the error mapper to the shared runner.
import type { ProviderAdapter } from '../provider-adapter';
import { trimBaseUrl } from '../shared/fetch-provider-json';
import type { AdapterOptions } from '../shared/model-hints';
import { providerStreams } from '../shared/run-provider-stream';
import { convertToGoogleRequest } from './convert-to-google-request';
import { createGoogleHeaders, listGoogleModels, stripModelsPrefix } from './google-models';
import { createGoogleStreamTransform } from './google-stream-transform';
import { mapGoogleError } from './map-google-error';

export function createGoogleAdapter(options: AdapterOptions = {}): ProviderAdapter {
  return {
    provider: 'google',
    ...providerStreams((request) => {
      const body = convertToGoogleRequest(request, options.describeModel?.(request.model));
      const model = encodeURIComponent(stripModelsPrefix(request.model));
      return {
        provider: 'google',
        // alt=sse: without it Gemini streams one growing JSON array instead of SSE (§8.1).
        url: `${trimBaseUrl(request.baseUrl)}/models/${model}:streamGenerateContent?alt=sse`,
        headers: { ...createGoogleHeaders(request.apiKey), 'content-type': 'application/json' },
        body,
        apiKey: request.apiKey,
        mapError: mapGoogleError,
        createTransform: () => createGoogleStreamTransform(request.model),
        ...(request.signal ? { signal: request.signal } : {}),
      };
    }),
    listModels: listGoogleModels,
  };
}
