// Anthropic's column of providers.md §1. Body: {"type":"error","error":{"type","message"}}.
import { BYOK_ERROR_CODES } from '../../types';
import type { BYOKErrorCode } from '../../types';
import { readRecord, readString } from '../shared/json-values';
import type { ProviderErrorContext, ProviderErrorMapping } from '../shared/provider-error';

const CODES_BY_TYPE: Record<string, BYOKErrorCode> = {
  authentication_error: BYOK_ERROR_CODES.INVALID_API_KEY,
  billing_error: BYOK_ERROR_CODES.INSUFFICIENT_QUOTA,
  permission_error: BYOK_ERROR_CODES.PERMISSION_DENIED,
  not_found_error: BYOK_ERROR_CODES.MODEL_NOT_FOUND,
  request_too_large: BYOK_ERROR_CODES.CONTEXT_TOO_LONG,
  rate_limit_error: BYOK_ERROR_CODES.RATE_LIMITED,
  api_error: BYOK_ERROR_CODES.SERVER_ERROR,
  timeout_error: BYOK_ERROR_CODES.SERVER_ERROR,
  overloaded_error: BYOK_ERROR_CODES.PROVIDER_OVERLOADED,
  invalid_request_error: BYOK_ERROR_CODES.INVALID_REQUEST,
};

export function mapAnthropicError({ body }: ProviderErrorContext): ProviderErrorMapping {
  const error = readRecord(body, 'error');
  const type = readString(error, 'type') ?? '';
  const message = readString(error, 'message');
  const text = message ?? '';

  // Both of these come back as 401 authentication_error, but the key was never the problem.
  if (/anthropic-dangerous-direct-browser-access/i.test(text)) {
    return {
      code: BYOK_ERROR_CODES.INVALID_REQUEST,
      message:
        "the request arrived without the 'anthropic-dangerous-direct-browser-access' header (a proxy or gateway may have removed it); the key itself was not checked.",
    };
  }
  if (/CORS requests are not allowed/i.test(text)) {
    return { code: BYOK_ERROR_CODES.PERMISSION_DENIED, message: 'this Anthropic organisation does not allow requests from a browser.' };
  }
  const withMessage = (code: BYOKErrorCode): ProviderErrorMapping => (message === undefined ? { code } : { code, message });
  // Anthropic reports an empty balance as a 400 invalid_request_error; only the text tells.
  if (/credit balance is too low/i.test(text)) return withMessage(BYOK_ERROR_CODES.INSUFFICIENT_QUOTA);
  if (/prompt is too long/i.test(text)) return withMessage(BYOK_ERROR_CODES.CONTEXT_TOO_LONG);
  const code = CODES_BY_TYPE[type];
  if (code) return withMessage(code);
  return message === undefined ? {} : { message };
}
