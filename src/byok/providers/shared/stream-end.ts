import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKProvider } from '../../types';
import { PROVIDER_LABELS } from './provider-labels';

/**
 * The stream closed before its end marker (`[DONE]`, `message_stop`, a Gemini finishReason).
 * The text shown so far is kept; the user decides whether to retry (providers.md §1).
 */
export function createInterruptedError(provider: BYOKProvider, endMarker: string): BYOKError {
  return new BYOKError(
    BYOK_ERROR_CODES.STREAM_INTERRUPTED,
    `The ${PROVIDER_LABELS[provider]} stream ended before ${endMarker}; the reply may be incomplete.`,
    { provider },
  );
}
