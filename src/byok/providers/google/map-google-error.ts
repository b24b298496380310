// Gemini's column of providers.md §1. Body: {"error":{code,message,status,details[]}}.
import { BYOK_ERROR_CODES } from '../../types';
import type { BYOKErrorCode } from '../../types';
import { isRecord, readArray, readNumber, readRecord, readString } from '../shared/json-values';
import type { JsonRecord } from '../shared/json-values';
import { mapStatusToCode } from '../shared/provider-error';
import type { ProviderErrorContext, ProviderErrorMapping } from '../shared/provider-error';
import { parseDurationString } from '../shared/retry-after';

const CODES_BY_STATUS: Record<string, BYOKErrorCode> = {
  UNAUTHENTICATED: BYOK_ERROR_CODES.INVALID_API_KEY,
  PERMISSION_DENIED: BYOK_ERROR_CODES.PERMISSION_DENIED,
  NOT_FOUND: BYOK_ERROR_CODES.MODEL_NOT_FOUND,
  FAILED_PRECONDITION: BYOK_ERROR_CODES.INSUFFICIENT_QUOTA,
  UNAVAILABLE: BYOK_ERROR_CODES.PROVIDER_OVERLOADED,
  INTERNAL: BYOK_ERROR_CODES.SERVER_ERROR,
  DEADLINE_EXCEEDED: BYOK_ERROR_CODES.SERVER_ERROR,
  INVALID_ARGUMENT: BYOK_ERROR_CODES.INVALID_REQUEST,
};

function findDetails(details: JsonRecord[], typeSuffix: string): JsonRecord[] {
  return details.filter((detail) => (readString(detail, '@type') ?? '').endsWith(typeSuffix));
}

/**
 * Google puts "check your plan and billing details" in every quota 429, so the details decide:
 * a per-day quota is spent until tomorrow; a per-minute quota or a RetryInfo is a rate limit.
 */
function classifyQuotaError(details: JsonRecord[], message: string): ProviderErrorMapping {
  const quotaIds = findDetails(details, 'QuotaFailure')
    .flatMap((failure) => readArray(failure, 'violations'))
    .map((violation) => readString(violation, 'quotaId') ?? '');
  const retryInfo = findDetails(details, 'RetryInfo')[0];
  const retryAfterMs = parseDurationString(readString(retryInfo, 'retryDelay'));
  const perMinute = quotaIds.some((quotaId) => /PerMinute/i.test(quotaId));
  const perDay = quotaIds.some((quotaId) => /PerDay/i.test(quotaId));
  if (perDay && !perMinute) return { code: BYOK_ERROR_CODES.INSUFFICIENT_QUOTA, message };
  if (perMinute || retryInfo) {
    return retryAfterMs === undefined
      ? { code: BYOK_ERROR_CODES.RATE_LIMITED, message }
      : { code: BYOK_ERROR_CODES.RATE_LIMITED, message, retryAfterMs };
  }
  if (/billing|plan/i.test(message)) return { code: BYOK_ERROR_CODES.INSUFFICIENT_QUOTA, message };
  return { code: BYOK_ERROR_CODES.RATE_LIMITED, message };
}

export function mapGoogleError({ status, body }: ProviderErrorContext): ProviderErrorMapping {
  const error = readRecord(body, 'error');
  const statusText = readString(error, 'status') ?? '';
  const message = readString(error, 'message') ?? '';
  // In-stream errors carry the HTTP-like code in the body only.
  const effectiveStatus = status ?? readNumber(error, 'code');
  const details = readArray(error, 'details').filter(isRecord);
  const reasons = findDetails(details, 'ErrorInfo').map((info) => readString(info, 'reason'));
  const withMessage = (code: BYOKErrorCode | undefined): ProviderErrorMapping =>
    code === undefined ? (message ? { message } : {}) : message ? { code, message } : { code };

  // An invalid key is a 400 INVALID_ARGUMENT; only the ErrorInfo reason tells (§8.13).
  if (reasons.includes('API_KEY_INVALID')) return withMessage(BYOK_ERROR_CODES.INVALID_API_KEY);
  if (reasons.includes('MODEL_CAPACITY_EXHAUSTED')) return withMessage(BYOK_ERROR_CODES.PROVIDER_OVERLOADED);
  if (statusText === 'RESOURCE_EXHAUSTED' || effectiveStatus === 429) return classifyQuotaError(details, message);
  if (/input token count.*exceeds|exceeds the maximum number of tokens/i.test(message)) {
    return withMessage(BYOK_ERROR_CODES.CONTEXT_TOO_LONG);
  }
  return withMessage(CODES_BY_STATUS[statusText] ?? (status === undefined ? mapStatusToCode(effectiveStatus) : undefined));
}
