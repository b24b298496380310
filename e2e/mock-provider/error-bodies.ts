// Each provider's real HTTP error for each error scenario: status, headers and body as recorded in
// providers.md §1 and §2.4/§2.7, §3.4/§3.7, §4.4/§4.7, §5.4/§5.7, §6.4/§6.7. Where a case was not
// observed for a provider, the body follows that provider's usual shape and says "(inferred)" below.
import { randomBytes } from 'node:crypto';
import type { BYOKProvider } from '../../src/byok/types';
import type { ErrorScenario } from './scenarios';

export interface MockHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ErrorContext {
  model: string;
  /** Mistral answers a bad key differently on GET /models (providers.md §6.4). */
  endpoint: 'chat' | 'models' | 'api-key';
}

type ErrorBuilder = (context: ErrorContext) => MockHttpResponse;

export function buildJsonResponse(status: number, body: unknown, headers: Record<string, string> = {}, contentType = 'application/json'): MockHttpResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body: JSON.stringify(body) };
}

export function buildOpenAiError(status: number, message: string, type: string, code: string | null, param: string | null = null, headers: Record<string, string> = {}): MockHttpResponse {
  return buildJsonResponse(status, { error: { message, type, param, code } }, { 'x-request-id': `req_${randomBytes(16).toString('hex')}`, ...headers }, 'application/json; charset=utf-8');
}

const OPENAI_ERRORS: Record<ErrorScenario, ErrorBuilder> = {
  'error-401': () => buildOpenAiError(401, 'Incorrect API key provided: sk-proj-****************************Xy9Z. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key'),
  'error-403': () => buildOpenAiError(403, 'Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory'),
  'error-404': ({ model }) => buildOpenAiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'),
  'error-429-rate': ({ model }) => buildOpenAiError(429, `Rate limit reached for ${model} in organization org-AbCdEf123456 on tokens per min (TPM): Limit 30000, Used 29937, Requested 385. Please try again in 644ms. Visit https://platform.openai.com/account/rate-limits to learn more.`, 'tokens', 'rate_limit_exceeded', null, {
    'retry-after': '2', 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-reset-requests': '120ms',
    'x-ratelimit-limit-tokens': '30000', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '1.2s',
  }),
  'error-429-quota': () => buildOpenAiError(429, 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'insufficient_quota', 'insufficient_quota'),
  'error-400-context': () => buildOpenAiError(400, "This model's maximum context length is 128000 tokens. However, your messages resulted in 204308 tokens. Please reduce the length of the messages.", 'invalid_request_error', 'context_length_exceeded', 'messages'),
  'error-400-invalid-request': () => buildOpenAiError(400, "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got an integer instead.", 'invalid_request_error', 'invalid_type', 'messages[0].content'),
  'error-500': () => buildOpenAiError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error', null, null, { 'x-should-retry': 'true' }),
  'error-503': () => buildOpenAiError(503, 'The engine is currently overloaded, please try again later.', 'server_error', null, null, { 'retry-after': '1' }),
  'error-overloaded': () => buildOpenAiError(503, 'The engine is currently overloaded, please try again later.', 'server_error', null, null, { 'retry-after': '1' }),
};

export function buildAnthropicError(status: number, type: string, message: string, headers: Record<string, string> = {}): MockHttpResponse {
  const requestId = `req_011C${randomBytes(10).toString('hex')}`;
  return buildJsonResponse(status, { type: 'error', error: { type, message }, request_id: requestId }, { 'request-id': requestId, ...headers });
}

const ANTHROPIC_ERRORS: Record<ErrorScenario, ErrorBuilder> = {
  'error-401': () => buildAnthropicError(401, 'authentication_error', 'invalid x-api-key'),
  'error-403': () => buildAnthropicError(403, 'permission_error', 'Your API key does not have permission to use the specified resource.'),
  'error-404': ({ model }) => buildAnthropicError(404, 'not_found_error', `model: ${model}`),
  'error-429-rate': () => buildAnthropicError(429, 'rate_limit_error', "This request would exceed your organization's rate limit of 30,000 input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.", {
    'retry-after': '17', 'anthropic-ratelimit-requests-limit': '50', 'anthropic-ratelimit-requests-remaining': '49',
    'anthropic-ratelimit-input-tokens-limit': '30000', 'anthropic-ratelimit-input-tokens-remaining': '0',
    'anthropic-ratelimit-input-tokens-reset': new Date(Date.now() + 17_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  }),
  // Anthropic reports an empty balance as a 400, recognisable only by its text (providers.md §1).
  'error-429-quota': () => buildAnthropicError(400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.'),
  'error-400-context': () => buildAnthropicError(400, 'invalid_request_error', 'prompt is too long: 210474 tokens > 200000 maximum'),
  'error-400-invalid-request': () => buildAnthropicError(400, 'invalid_request_error', 'temperature: range: 0..1'),
  'error-500': () => buildAnthropicError(500, 'api_error', 'Internal server error'),
  'error-503': () => buildAnthropicError(529, 'overloaded_error', 'Overloaded'),
  'error-overloaded': () => buildAnthropicError(529, 'overloaded_error', 'Overloaded'),
};

export function buildGoogleError(code: number, status: string, message: string, details?: unknown[]): MockHttpResponse {
  // Google pretty-prints its error bodies; keep that so a client never assumes one line.
  const body = JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } }, null, 2);
  return { status: code, headers: { 'content-type': 'application/json; charset=UTF-8' }, body };
}

const GOOGLE_QUOTA_MESSAGE = 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.';

function googleQuotaFailure(quotaId: string, model: string) {
  return {
    '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
    violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId, quotaDimensions: { location: 'global', model }, quotaValue: '10' }],
  };
}

const GOOGLE_ERRORS: Record<ErrorScenario, ErrorBuilder> = {
  // Gemini answers a bad key with 400, not 401 (gotcha 13).
  'error-401': () => buildGoogleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.' },
  ]),
  'error-403': () => buildGoogleError(403, 'PERMISSION_DENIED', 'The caller does not have permission'),
  'error-404': ({ model }) => buildGoogleError(404, 'NOT_FOUND', `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`),
  'error-429-rate': ({ model }) => buildGoogleError(429, 'RESOURCE_EXHAUSTED', GOOGLE_QUOTA_MESSAGE, [
    googleQuotaFailure('GenerateRequestsPerMinutePerProjectPerModel-FreeTier', model),
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34s' },
  ]),
  // A per-day quota is not fixed by waiting a minute: INSUFFICIENT_QUOTA, and no RetryInfo.
  'error-429-quota': ({ model }) => buildGoogleError(429, 'RESOURCE_EXHAUSTED', GOOGLE_QUOTA_MESSAGE, [
    googleQuotaFailure('GenerateRequestsPerDayPerProjectPerModel-FreeTier', model),
  ]),
  'error-400-context': () => buildGoogleError(400, 'INVALID_ARGUMENT', 'The input token count (1200293) exceeds the maximum number of tokens allowed (1048576).'),
  'error-400-invalid-request': () => buildGoogleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unknown name "foo" at \'generation_config\': Cannot find field.'),
  'error-500': () => buildGoogleError(500, 'INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting'),
  'error-503': () => buildGoogleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'),
  'error-overloaded': () => buildGoogleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'),
};

const XAI_TEAM = '3f2b8c1e-0000-4000-8000-000000000000';

export function buildXaiError(status: number, code: string, error: string): MockHttpResponse {
  return buildJsonResponse(status, { code, error });
}

const XAI_ERRORS: Record<ErrorScenario, ErrorBuilder> = {
  // xAI answers a bad key with 400 (gotcha 13).
  'error-401': () => buildXaiError(400, 'Client specified an invalid argument', 'Incorrect API key provided: xa***yz. You can obtain an API key from https://console.x.ai.'),
  // (inferred) the 403 body for a plain permission problem; the credits 403 is error-429-quota.
  'error-403': () => buildXaiError(403, 'The caller does not have permission to execute the specified operation', 'Your API key does not have permission to access this resource.'),
  'error-404': ({ model }) => buildXaiError(404, 'Some requested entity was not found', `The model ${model} does not exist or your team ${XAI_TEAM} does not have access to it. Please ensure you're using the correct API key. If you believe this is a mistake, please contact support and quote your team ID and the model name.`),
  'error-429-rate': ({ model }) => buildXaiError(429, 'Some resource has been exhausted', `Too many tokens for team ${XAI_TEAM} and model ${model}. Your team's rate limit is — Tokens per Minute (actual/limit): 65605/16000. You can view your team rate limits at https://console.x.ai.`),
  'error-429-quota': () => buildXaiError(403, 'The caller does not have permission to execute the specified operation', `Your team ${XAI_TEAM} has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit.`),
  'error-400-context': () => buildXaiError(400, 'Client specified an invalid argument', "This model's maximum prompt length is 131072 but the request contains 179111 tokens."),
  'error-400-invalid-request': () => buildXaiError(400, 'Client specified an invalid argument', 'Invalid request content: temperature must be between 0 and 2.'),
  'error-500': () => buildXaiError(500, 'Internal error', 'An internal error occurred. Please try again later.'),
  'error-503': () => buildXaiError(503, 'The service is currently unavailable', 'The service is currently unavailable. Please try again later.'),
  'error-overloaded': () => buildXaiError(503, 'The service is currently unavailable', 'The service is currently unavailable. Please try again later.'),
};

export function buildMistralError(status: number, message: unknown, type: string, code: string | null): MockHttpResponse {
  return buildJsonResponse(status, { object: 'error', message, type, param: null, code, raw_status_code: status });
}

const MISTRAL_ERRORS: Record<ErrorScenario, ErrorBuilder> = {
  'error-401': ({ endpoint }) => endpoint === 'models'
    ? buildJsonResponse(401, { detail: 'Unauthorized' })
    : buildJsonResponse(401, { message: 'Unauthorized', request_id: randomBytes(16).toString('hex') }, {}, 'application/json; charset=utf-8'),
  'error-403': () => buildJsonResponse(403, { message: 'Forbidden', request_id: randomBytes(16).toString('hex') }), // (inferred)
  // Mistral answers an unknown model with 400, not 404 (providers.md §1).
  'error-404': ({ model }) => buildMistralError(400, `Invalid model: ${model}`, 'invalid_model', '1500'),
  'error-429-rate': () => buildMistralError(429, 'Rate limit exceeded', 'rate_limited', '1300'),
  'error-429-quota': () => buildMistralError(402, 'Payment required: your workspace has no credits left.', 'payment_required', null), // (inferred; §1 "402 if it occurs")
  'error-400-context': () => buildMistralError(400, 'Prompt contains 140000 tokens and 0 draft tokens, too large for model with 131072 maximum context length', 'invalid_request_error', null),
  'error-400-invalid-request': () => buildMistralError(400, "Unexpected role 'user' after role 'tool'", 'invalid_request_message_order', '3230'),
  'error-500': () => buildMistralError(500, 'Internal server error', 'internal_server_error', null),
  'error-503': () => buildMistralError(503, 'Service unavailable', 'service_unavailable', null),
  'error-overloaded': () => buildMistralError(503, 'Service unavailable', 'service_unavailable', null),
};

const ERRORS_BY_PROVIDER: Record<BYOKProvider, Record<ErrorScenario, ErrorBuilder>> = {
  openai: OPENAI_ERRORS, anthropic: ANTHROPIC_ERRORS, google: GOOGLE_ERRORS, xai: XAI_ERRORS, mistral: MISTRAL_ERRORS,
};

/** The provider's real error response for an error scenario. */
export function buildErrorResponse(provider: BYOKProvider, scenario: ErrorScenario, context: ErrorContext): MockHttpResponse {
  return ERRORS_BY_PROVIDER[provider][scenario](context);
}
