// Turning a provider's error (HTTP body or in-stream event) into a BYOKError: each provider's
// map-<p>-error.ts reads its own body shape; the status table and retry policy live here, once.
import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKErrorCode, BYOKProvider } from '../../types';
import { isRecord, parseJson, readArray, readRecord, readString } from './json-values';
import { PROVIDER_LABELS } from './provider-labels';
import { readRetryAfterHeaders, readRetryDelayFromMessage } from './retry-after';

export interface ProviderErrorContext {
  /** HTTP status; undefined for an error that arrived inside a 200 stream. */
  status: number | undefined;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
  /** The raw body text (bounded). */
  text: string;
}

export interface ProviderErrorMapping {
  code?: BYOKErrorCode;
  message?: string;
  retryAfterMs?: number;
}

export type ProviderErrorMapper = (context: ProviderErrorContext) => ProviderErrorMapping;

/** Codes worth retrying after a wait; only these carry retryAfterMs (providers.md §1, "Retry?"). */
const RETRYABLE_CODES: ReadonlySet<BYOKErrorCode> = new Set([
  BYOK_ERROR_CODES.RATE_LIMITED,
  BYOK_ERROR_CODES.PROVIDER_OVERLOADED,
  BYOK_ERROR_CODES.SERVER_ERROR,
]);

/** The fallback of providers.md §1 step 2, used when the body says nothing more specific. */
export function mapStatusToCode(status: number | undefined): BYOKErrorCode | undefined {
  if (status === undefined) return undefined;
  if (status === 400 || status === 422) return BYOK_ERROR_CODES.INVALID_REQUEST;
  if (status === 401) return BYOK_ERROR_CODES.INVALID_API_KEY;
  if (status === 402) return BYOK_ERROR_CODES.INSUFFICIENT_QUOTA;
  if (status === 403) return BYOK_ERROR_CODES.PERMISSION_DENIED;
  if (status === 404) return BYOK_ERROR_CODES.MODEL_NOT_FOUND;
  if (status === 408 || status === 504) return BYOK_ERROR_CODES.SERVER_ERROR;
  if (status === 413) return BYOK_ERROR_CODES.CONTEXT_TOO_LONG;
  if (status === 429) return BYOK_ERROR_CODES.RATE_LIMITED;
  if (status === 503 || status === 529) return BYOK_ERROR_CODES.PROVIDER_OVERLOADED;
  if (status >= 500) return BYOK_ERROR_CODES.SERVER_ERROR;
  return undefined;
}

/** The human-readable message most error bodies carry, whatever their shape. */
export function readGenericErrorMessage(body: unknown): string | undefined {
  const nested = readRecord(body, 'error');
  const candidates = [
    readString(nested, 'message'),
    readString(body, 'error'),
    readString(body, 'message'),
    readString(body, 'detail'),
    readValidationDetail(readRecord(body, 'message') ?? body),
  ];
  return candidates.find((candidate) => candidate !== undefined && candidate.trim() !== '');
}

/** Pydantic-style `detail: [{loc, msg}]` (Mistral 422) as one line. */
function readValidationDetail(body: unknown): string | undefined {
  const details = readArray(body, 'detail').filter(isRecord);
  if (details.length === 0) return undefined;
  return details
    .map((detail) => {
      const location = readArray(detail, 'loc').filter((part) => typeof part === 'string' || typeof part === 'number');
      const text = readString(detail, 'msg') ?? 'invalid';
      return location.length > 0 ? `${location.join('.')}: ${text}` : text;
    })
    .join('; ');
}

export interface CreateProviderErrorOptions extends ProviderErrorContext {
  provider: BYOKProvider;
  mapError: ProviderErrorMapper;
  headers?: Headers;
}

export function createProviderError(options: CreateProviderErrorOptions): BYOKError {
  const { provider, status, headers } = options;
  const mapping = options.mapError({ status: options.status, body: options.body, text: options.text });
  const code = mapping.code ?? mapStatusToCode(status) ?? BYOK_ERROR_CODES.UNKNOWN;
  const providerMessage = mapping.message ?? readGenericErrorMessage(options.body);
  const label = PROVIDER_LABELS[provider];
  const message = providerMessage
    ? `${label}: ${providerMessage}`
    : `${label} answered with ${status === undefined ? 'an error' : `HTTP ${status}`}.`;
  const retryAfterMs = RETRYABLE_CODES.has(code)
    ? (readRetryAfterHeaders(headers) ?? mapping.retryAfterMs ?? readRetryDelayFromMessage(providerMessage))
    : undefined;
  return new BYOKError(code, message, {
    provider,
    ...(status === undefined ? {} : { status }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

const MAX_ERROR_BODY_CHARACTERS = 64 * 1024;

/** Reads an error body as text, bounded: an error page must not be allowed to fill memory. */
export async function readBoundedText(response: Response, limit = MAX_ERROR_BODY_CHARACTERS): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
  } catch {
    // A body that fails half-way still gave us what it gave.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return text.slice(0, limit);
}

/** `!res.ok`, or `res.ok` with something other than SSE: read it as a JSON error (§1 steps 2 and 4). */
export async function createErrorFromResponse(
  response: Response,
  provider: BYOKProvider,
  mapError: ProviderErrorMapper,
): Promise<BYOKError> {
  const text = await readBoundedText(response);
  const body = parseJson(text);
  const error = createProviderError({
    provider,
    mapError,
    status: response.ok ? undefined : response.status,
    body,
    text,
    headers: response.headers,
  });
  if (!response.ok || error.code !== BYOK_ERROR_CODES.UNKNOWN || readGenericErrorMessage(body)) return error;
  const contentType = response.headers.get('content-type') ?? 'no content type';
  return new BYOKError(
    BYOK_ERROR_CODES.UNKNOWN,
    `${PROVIDER_LABELS[provider]} answered with an unexpected response (${contentType}) instead of a stream.`,
    { provider, status: response.status },
  );
}
