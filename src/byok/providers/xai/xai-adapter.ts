// Thin: wires the request converter, the stream transform and the error mapper to the shared runner.
import type { ProviderAdapter } from '../provider-adapter';
import { trimBaseUrl } from '../shared/fetch-provider-json';
import type { AdapterOptions } from '../shared/model-hints';
import { providerStreams } from '../shared/run-provider-stream';
import { convertToXaiRequest } from './convert-to-xai-request';
import { mapXaiError } from './map-xai-error';
import { createXaiHeaders, listXaiModels } from './xai-models';
import { createXaiStreamTransform } from './xai-stream-transform';

export function createXaiAdapter(options: AdapterOptions = {}): ProviderAdapter {
  return {
    provider: 'xai',
    ...providerStreams((request) => {
      const body = convertToXaiRequest(request, options.describeModel?.(request.model));
      return {
        provider: 'xai',
        url: `${trimBaseUrl(request.baseUrl)}/chat/completions`,
        headers: { ...createXaiHeaders(request.apiKey), 'content-type': 'application/json' },
        body,
        apiKey: request.apiKey,
        mapError: mapXaiError,
        createTransform: createXaiStreamTransform,
        ...(request.signal ? { signal: request.signal } : {}),
      };
    }),
    listModels: listXaiModels,
  };
}
