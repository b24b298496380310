// The only place in src/byok that calls fetch (security.md R19–R20, enforced by eslint).
import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKProvider } from '../../types';
import { PROVIDER_LABELS } from './provider-labels';

export interface ProviderFetchOptions {
  provider: BYOKProvider;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

let fetchOverride: FetchFunction | undefined;

/** Unit tests swap the transport here instead of patching globals; pass undefined to restore. */
export function setFetchForTests(fetchFunction: FetchFunction | undefined): void {
  fetchOverride = fetchFunction;
}

/**
 * fetch with the fixed safe options. Nothing is added to the caller's headers: Mistral's CORS
 * allow-list is narrow, and any extra header would fail the preflight (providers.md §8.16).
 */
export async function providerFetch(url: string, options: ProviderFetchOptions): Promise<Response> {
  const { provider, signal } = options;
  if (signal?.aborted) throw createAbortedError(provider);
  const init: RequestInit = {
    method: options.method,
    headers: options.headers,
    // A cross-origin redirect would forward x-api-key / x-goog-api-key to the new origin (R20).
    redirect: 'error',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    mode: 'cors',
  };
  if (options.body !== undefined) init.body = options.body;
  if (signal !== undefined) init.signal = signal;
  try {
    return await (fetchOverride ?? fetch)(url, init);
  } catch (error) {
    throw mapFetchFailure(error, provider, signal);
  }
}

export function createAbortedError(provider: BYOKProvider): BYOKError {
  return new BYOKError(BYOK_ERROR_CODES.STREAM_ABORTED, 'The request was cancelled.', { provider });
}

function mapFetchFailure(error: unknown, provider: BYOKProvider, signal: AbortSignal | undefined): BYOKError {
  // Only the caller's own abort counts as a cancel; any other AbortError is a transport failure.
  if (signal?.aborted) return createAbortedError(provider);
  const label = PROVIDER_LABELS[provider];
  // Offline, DNS failure, a refused CORS preflight and a redirect all look the same to a page.
  return new BYOKError(
    BYOK_ERROR_CODES.NETWORK_ERROR,
    `Could not reach ${label}. The browser may be offline, or ${label} refused the request (CORS).`,
    { provider, cause: error instanceof Error ? new Error(error.message) : undefined },
  );
}
