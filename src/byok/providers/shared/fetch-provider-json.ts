// A plain JSON GET (the providers' `GET /models`), with the same safe fetch and error mapping
// as the streams.
import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKProvider } from '../../types';
import { parseJson } from './json-values';
import { createErrorFromResponse, readBoundedText } from './provider-error';
import type { ProviderErrorMapper } from './provider-error';
import { createAbortedError, providerFetch } from './provider-fetch';
import { PROVIDER_LABELS } from './provider-labels';
import { scrubError } from './run-provider-stream';

export interface FetchProviderJsonOptions {
  provider: BYOKProvider;
  url: string;
  headers: Record<string, string>;
  apiKey: string;
  signal?: AbortSignal;
  mapError: ProviderErrorMapper;
}

const MAX_JSON_CHARACTERS = 8 * 1024 * 1024;

export async function fetchProviderJson(options: FetchProviderJsonOptions): Promise<unknown> {
  const { provider, signal } = options;
  try {
    const response = await providerFetch(options.url, {
      provider,
      method: 'GET',
      headers: options.headers,
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) throw await createErrorFromResponse(response, provider, options.mapError);
    const body = parseJson(await readBoundedText(response, MAX_JSON_CHARACTERS));
    if (signal?.aborted) throw createAbortedError(provider);
    if (body === undefined) {
      throw new BYOKError(BYOK_ERROR_CODES.UNKNOWN, `${PROVIDER_LABELS[provider]} answered with something other than JSON.`, {
        provider,
        status: response.status,
      });
    }
    return body;
  } catch (error) {
    if (signal?.aborted) throw createAbortedError(provider);
    if (error instanceof BYOKError) throw scrubError(error, options.apiKey);
    throw new BYOKError(BYOK_ERROR_CODES.NETWORK_ERROR, `Could not read the answer from ${PROVIDER_LABELS[provider]}.`, { provider });
  }
}

/** `{baseUrl}` without a trailing slash, so `${root}/models` never has `//`. */
export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}
