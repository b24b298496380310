// OpenAI's column of providers.md §1. The body is always {"error":{message,type,param,code}}.
import { BYOK_ERROR_CODES } from '../../types';
import { readCode, readRecord, readString } from '../shared/json-values';
import type { ProviderErrorContext, ProviderErrorMapping } from '../shared/provider-error';

// Billing problems that a retry cannot fix, whatever the status (§1 step 3).
const QUOTA_CODES = new Set([
  'insufficient_quota',
  'credit_balance_exhausted',
  'organization_spend_limit_exceeded',
  'project_spend_limit_exceeded',
  'organization_usage_limit_exceeded',
  'billing_hard_limit_reached',
]);

export function mapOpenAIError({ status, body }: ProviderErrorContext): ProviderErrorMapping {
  const error = readRecord(body, 'error');
  const type = readString(error, 'type') ?? '';
  const code = readCode(error, 'code') ?? '';
  const message = readString(error, 'message');
  const withMessage = (errorCode: ProviderErrorMapping['code']): ProviderErrorMapping =>
    message === undefined ? { code: errorCode } : { code: errorCode, message };

  if (QUOTA_CODES.has(code) || QUOTA_CODES.has(type)) return withMessage(BYOK_ERROR_CODES.INSUFFICIENT_QUOTA);
  if (code === 'context_length_exceeded' || /maximum context length/i.test(message ?? '')) {
    return withMessage(BYOK_ERROR_CODES.CONTEXT_TOO_LONG);
  }
  if (code === 'invalid_api_key' || status === 401) return withMessage(BYOK_ERROR_CODES.INVALID_API_KEY);
  if (code === 'model_not_found') return withMessage(BYOK_ERROR_CODES.MODEL_NOT_FOUND);
  if (code === 'rate_limit_exceeded' || code === 'slow_down') return withMessage(BYOK_ERROR_CODES.RATE_LIMITED);
  // In a 200 stream there is no status; server_error there means the service is struggling.
  if (status === undefined && type === 'server_error') return withMessage(BYOK_ERROR_CODES.PROVIDER_OVERLOADED);
  return message === undefined ? {} : { message };
}
