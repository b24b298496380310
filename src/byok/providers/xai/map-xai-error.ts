// xAI's column of providers.md §1. Usually a flat {"code":"<gRPC text>","error":"<message>"},
// sometimes OpenAI's nested {"error":{message,type,code}}; status alone is misleading (400 = bad key).
import { BYOK_ERROR_CODES } from '../../types';
import type { BYOKErrorCode } from '../../types';
import { readCode, readRecord, readString } from '../shared/json-values';
import type { ProviderErrorContext, ProviderErrorMapping } from '../shared/provider-error';

function readXaiMessage(body: unknown): { message: string | undefined; code: string } {
  const nested = readRecord(body, 'error');
  if (nested) return { message: readString(nested, 'message'), code: readCode(nested, 'code') ?? '' };
  return { message: readString(body, 'error'), code: readCode(body, 'code') ?? '' };
}

export function mapXaiError({ status, body }: ProviderErrorContext): ProviderErrorMapping {
  const { message, code } = readXaiMessage(body);
  const text = message ?? '';
  const withMessage = (errorCode: BYOKErrorCode): ProviderErrorMapping =>
    message === undefined ? { code: errorCode } : { code: errorCode, message };

  // Seen as 403 (2026) and 429 (early 2026): billing, not a rate limit, so never retried.
  if (/used all available credits|spending limit|(doesn't|does not) have any credits/i.test(text)) {
    return withMessage(BYOK_ERROR_CODES.INSUFFICIENT_QUOTA);
  }
  if (/incorrect api key|invalid api key/i.test(text) || code === 'invalid_api_key') return withMessage(BYOK_ERROR_CODES.INVALID_API_KEY);
  if (/maximum prompt length|maximum context length/i.test(text)) return withMessage(BYOK_ERROR_CODES.CONTEXT_TOO_LONG);
  if (/model .* does not exist/i.test(text)) return withMessage(BYOK_ERROR_CODES.MODEL_NOT_FOUND);
  if (status === undefined && /server_error|unavailable/i.test(`${code} ${readString(readRecord(body, 'error'), 'type') ?? ''}`)) {
    return withMessage(BYOK_ERROR_CODES.PROVIDER_OVERLOADED);
  }
  return message === undefined ? {} : { message };
}
