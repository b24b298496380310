// Mistral's column of providers.md §1. Shapes vary: {object:"error",message,type,code},
// {"message":"Unauthorized"}, {"detail":"Unauthorized"}, and 422 {message:{detail:[…]}}.
import { BYOK_ERROR_CODES } from '../../types';
import type { BYOKErrorCode } from '../../types';
import { readCode, readString } from '../shared/json-values';
import type { ProviderErrorContext, ProviderErrorMapping } from '../shared/provider-error';
import { readGenericErrorMessage } from '../shared/provider-error';

export function mapMistralError({ status, body }: ProviderErrorContext): ProviderErrorMapping {
  const type = readString(body, 'type') ?? '';
  const code = readCode(body, 'code') ?? '';
  const message = readGenericErrorMessage(body);
  const text = message ?? '';
  const withMessage = (errorCode: BYOKErrorCode): ProviderErrorMapping =>
    message === undefined ? { code: errorCode } : { code: errorCode, message };

  // An unknown model is a 400 here, not a 404.
  if (type === 'invalid_model' || code === '1500') return withMessage(BYOK_ERROR_CODES.MODEL_NOT_FOUND);
  if (/too large for model|maximum context length/i.test(text)) return withMessage(BYOK_ERROR_CODES.CONTEXT_TOO_LONG);
  if (type === 'rate_limited' || code === '1300' || /rate limit/i.test(text)) return withMessage(BYOK_ERROR_CODES.RATE_LIMITED);
  if (status === 401 || /^unauthorized$/i.test(text.trim())) return withMessage(BYOK_ERROR_CODES.INVALID_API_KEY);
  if (status === undefined && /unavailable|overloaded/i.test(`${type} ${text}`)) return withMessage(BYOK_ERROR_CODES.PROVIDER_OVERLOADED);
  return message === undefined ? {} : { message };
}
